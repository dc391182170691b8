using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// Backup's global settings (restJson1): DescribeGlobalSettings, UpdateGlobalSettings — the tutorial's step 1
/// (<c>isCrossAccountBackupEnabled</c>). <see cref="AddServices"/> registers the settings service and the queries other Backup
/// services use (<see cref="CrossAccountBackup"/>, <see cref="CrossAccountMonitoring"/>).
/// </summary>
internal static class GlobalSettingsEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<GlobalSettingsService>();
        services.AddSingleton<CrossAccountBackup>();
        services.AddSingleton<CrossAccountMonitoring>();
    }

    public static void Map(RestJsonService backup)
    {
        backup.Map("DescribeGlobalSettings", DescribeAsync);
        backup.Map("UpdateGlobalSettings", UpdateAsync);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        GlobalSettings settings = await Service(request).DescribeAsync(request.Context.Caller, request.Context.CancellationToken).ConfigureAwait(false);
        double? updated = settings.LastUpdateTime is { } at ? at.ToUnixTimeMilliseconds() / 1000.0 : null;
        return RestJsonResponse.From(new DescribeGlobalSettingsOutput(settings.ToMap(), updated), GlobalSettingsJson.Default.DescribeGlobalSettingsOutput);
    }

    private static async Task<RestJsonResponse> UpdateAsync(RestJsonRequest request)
    {
        UpdateGlobalSettingsBody body = request.Read(GlobalSettingsJson.Default.UpdateGlobalSettingsBody);
        await Service(request).UpdateAsync(request.Context.Caller, body.GlobalSettings, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static GlobalSettingsService Service(RestJsonRequest request) => request.Context.Services.GetRequiredService<GlobalSettingsService>();
}
