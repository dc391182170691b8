using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Maintenance;

/// <summary>Deleting recovery points. Their data stays until garbage collection removes what nothing references.</summary>
public static class RecoveryPoints
{
    /// <summary>Deletes a recovery point's manifest (ordering invariant 5). Fails when it does not exist.</summary>
    public static async Task DeleteAsync(Vault vault, BlobId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var vaultLock = await VaultLock.AcquireAsync(vault, exclusive: false, "delete", cancellationToken).ConfigureAwait(false);
        await using (vaultLock.ConfigureAwait(false))
        {
            var key = FormatIds.RecoveryPointKey(id);
            if (await vault.Store.GetSizeAsync(key, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new VaultException($"recovery point {id} does not exist in {vault.Store.Location}");
            }

            await vault.Store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }
}
