using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Vault Lock (restJson1): PutBackupVaultLockConfiguration, DeleteBackupVaultLockConfiguration.</summary>
internal static class VaultLockEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("PutBackupVaultLockConfiguration", PutAsync);
        backup.Map("DeleteBackupVaultLockConfiguration", DeleteAsync);
    }

    private static async Task<RestJsonResponse> PutAsync(RestJsonRequest request)
    {
        PutVaultLockBody body = request.Read(VaultWireJson.Default.PutVaultLockBody);
        await Locks(request).PutAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupVaultName"),
            body.MinRetentionDays,
            body.MaxRetentionDays,
            body.ChangeableForDays,
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        await Locks(request).DeleteAsync(request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static VaultLockService Locks(RestJsonRequest request) => request.Context.Services.GetRequiredService<VaultLockService>();
}
