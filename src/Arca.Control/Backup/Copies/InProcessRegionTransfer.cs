using Arca.Control.Backup.Vaults;
using Arca.Storage.Copy;
using Arca.Storage.Repository;

namespace Arca.Control.Backup.Copies;

/// <summary>
/// <see cref="IRegionTransfer"/> when every region is hosted by this process: the source vault is opened through
/// <see cref="IBackupVaults"/> (its key checked as for any job) and read in memory with <see cref="VaultRecoveryPointSource"/>.
/// </summary>
public sealed class InProcessRegionTransfer(IBackupVaults vaults) : IRegionTransfer
{
    public async Task<CopySource> OpenSourceAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default)
    {
        OpenedBackupVault vault = await vaults.OpenAsync(accountId, region, vaultName, cancellationToken).ConfigureAwait(false);
        VaultLock hold = await VaultLock.AcquireAsync(vault.Vault, exclusive: false, "copy-source", cancellationToken).ConfigureAwait(false);
        try
        {
            VaultRecoveryPointSource source = await VaultRecoveryPointSource.OpenAsync(vault.Vault.Reader, cancellationToken).ConfigureAwait(false);
            return new CopySource(source, hold);
        }
        catch
        {
            await hold.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
