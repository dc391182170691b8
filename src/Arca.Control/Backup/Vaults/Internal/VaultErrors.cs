using Arca.Control.Errors;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>The vault and recovery point errors beyond <see cref="BackupErrors"/>, and the messages several operations share.</summary>
internal static class VaultErrors
{
    public static AwsServiceException InvalidResourceState(string message) => new("InvalidResourceStateException", message, 400);

    public static AwsServiceException VaultNotFound(string accountId, string region, string vaultName) =>
        BackupErrors.ResourceNotFound($"Backup vault {vaultName} not found in account {accountId} and region {region}");

    public static AwsServiceException RecoveryPointNotFound(string recoveryPointArn, string vaultName) =>
        BackupErrors.ResourceNotFound($"Recovery point {recoveryPointArn} not found in backup vault {vaultName}");
}
