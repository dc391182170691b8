using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Vault access policies (restJson1): PutBackupVaultAccessPolicy, GetBackupVaultAccessPolicy, DeleteBackupVaultAccessPolicy.</summary>
internal static class VaultAccessPolicyEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("PutBackupVaultAccessPolicy", PutAsync);
        backup.Map("GetBackupVaultAccessPolicy", GetAsync);
        backup.Map("DeleteBackupVaultAccessPolicy", DeleteAsync);
    }

    private static async Task<RestJsonResponse> PutAsync(RestJsonRequest request)
    {
        PutVaultAccessPolicyBody body = request.Read(VaultWireJson.Default.PutVaultAccessPolicyBody);
        await Policies(request).PutAsync(request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), body.Policy, request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static async Task<RestJsonResponse> GetAsync(RestJsonRequest request)
    {
        BackupVaultAccessPolicy policy = await Policies(request).GetAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new VaultAccessPolicyOutput(policy.BackupVaultName, policy.BackupVaultArn, policy.Policy), VaultWireJson.Default.VaultAccessPolicyOutput);
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        await Policies(request).DeleteAsync(request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static VaultAccessPolicyService Policies(RestJsonRequest request) => request.Context.Services.GetRequiredService<VaultAccessPolicyService>();
}
