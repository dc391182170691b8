using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Region settings (restJson1): GetSupportedResourceTypes, DescribeRegionSettings, UpdateRegionSettings.</summary>
internal static class RegionSettingsEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("GetSupportedResourceTypes", SupportedTypesAsync);
        backup.Map("DescribeRegionSettings", DescribeAsync);
        backup.Map("UpdateRegionSettings", UpdateAsync);
    }

    private static async Task<RestJsonResponse> SupportedTypesAsync(RestJsonRequest request)
    {
        IReadOnlyList<string> types = await Settings(request).GetSupportedResourceTypesAsync(request.Context.Caller, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new SupportedTypesOutput(types), BackupWireJson.Default.SupportedTypesOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        RegionSettings settings = await Settings(request).DescribeAsync(request.Context.Caller, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new RegionSettingsWire(settings.ResourceTypeOptInPreference, settings.ResourceTypeManagementPreference), BackupWireJson.Default.RegionSettingsWire);
    }

    private static async Task<RestJsonResponse> UpdateAsync(RestJsonRequest request)
    {
        RegionSettingsWire body = request.Read(BackupWireJson.Default.RegionSettingsWire);
        await Settings(request).UpdateAsync(
            request.Context.Caller, body.ResourceTypeOptInPreference, body.ResourceTypeManagementPreference, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static RegionSettingsService Settings(RestJsonRequest request) => request.Context.Services.GetRequiredService<RegionSettingsService>();
}
