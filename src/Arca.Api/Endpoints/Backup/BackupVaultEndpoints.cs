using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Backup vaults (restJson1): CreateBackupVault, DescribeBackupVault, ListBackupVaults, DeleteBackupVault.</summary>
internal static class BackupVaultEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("CreateBackupVault", CreateAsync);
        backup.Map("DescribeBackupVault", DescribeAsync);
        backup.Map("ListBackupVaults", ListAsync);
        backup.Map("DeleteBackupVault", DeleteAsync);
    }

    internal static BackupVaultOutput Output(BackupVaultDetails vault) => new(
        vault.BackupVaultName,
        vault.BackupVaultArn,
        BackupVaultDetails.StandardVaultType,
        BackupVaultDetails.AvailableState,
        vault.EncryptionKeyArn,
        vault.CreationDate,
        vault.CreatorRequestId,
        vault.NumberOfRecoveryPoints,
        vault.Locked,
        vault.Lock?.MinRetentionDays,
        vault.Lock?.MaxRetentionDays,
        vault.Lock?.LockDate,
        vault.EncryptionKeyType);

    private static async Task<RestJsonResponse> CreateAsync(RestJsonRequest request)
    {
        CreateBackupVaultBody body = request.Read(VaultWireJson.Default.CreateBackupVaultBody);
        BackupVaultDetails vault = await Vaults(request).CreateAsync(
            request.Context.Caller,
            new CreateBackupVaultRequest(BackupRequests.Label(request, "backupVaultName"), body.EncryptionKeyArn, body.BackupVaultTags, body.CreatorRequestId),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new CreateBackupVaultOutput(vault.BackupVaultName, vault.BackupVaultArn, vault.CreationDate), VaultWireJson.Default.CreateBackupVaultOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        BackupVaultDetails vault = await Vaults(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), request.QueryValue("backupVaultAccountId"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(Output(vault), VaultWireJson.Default.BackupVaultOutput);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        BackupPage<BackupVaultDetails> page = await Vaults(request).ListAsync(
            request.Context.Caller,
            request.QueryValue("vaultType"),
            BackupRequests.Bool(request, "shared", "ByShared"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListBackupVaultsOutput([.. page.Items.Select(Output)], page.NextToken), VaultWireJson.Default.ListBackupVaultsOutput);
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        await Vaults(request).DeleteAsync(request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static BackupVaultService Vaults(RestJsonRequest request) => request.Context.Services.GetRequiredService<BackupVaultService>();
}
