using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;

namespace Arca.Api.Hosting;

/// <summary>
/// Stands in for the vault service (<see cref="IBackupVaults"/>, <see cref="IRecoveryPointCatalog"/>) until it is part of
/// the build: no vault can be opened and the catalog is empty, so jobs fail with a clear message instead of the server
/// failing to start. Registered with TryAdd: the vault service's own registrations replace it.
/// </summary>
internal sealed class PendingVaultService : IBackupVaults, IRecoveryPointCatalog
{
    private const string Missing = "the vault service is not part of this build of Arca";

    public Task<OpenedBackupVault> OpenAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default) =>
        throw BackupErrors.ResourceNotFound($"Backup vault {vaultName} cannot be opened: {Missing}");

    public Task<OpenedBackupVault> OpenByArnAsync(string vaultArn, CancellationToken cancellationToken = default) =>
        throw BackupErrors.ResourceNotFound($"Backup vault {vaultArn} cannot be opened: {Missing}");

    public Task AddAsync(RecoveryPointRecord recoveryPoint, CancellationToken cancellationToken = default) =>
        throw BackupErrors.InvalidRequest($"Recovery points cannot be recorded: {Missing}");

    public Task<RecoveryPointRecord?> GetAsync(string region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult<RecoveryPointRecord?>(null);

    public Task<RecoveryPointRecord?> FindAsync(string region, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult<RecoveryPointRecord?>(null);
}
