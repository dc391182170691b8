using Arca.Control.Regions;

namespace Arca.Control.Backup;

/// <summary>
/// <see cref="IVaultCatalog"/> over the regional <c>vaults</c> collection (key <c>{account}/{name}</c>): a vault
/// exists when its document does. Only the key is read, so the vault service may shape the document as it likes.
/// </summary>
public sealed class StoredVaultCatalog(RegionSet regions) : IVaultCatalog
{
    /// <summary>The collection the vault service keeps its vaults in.</summary>
    public const string Collection = "vaults";

    /// <summary>The key of a vault's document.</summary>
    public static string Key(string accountId, string vaultName) => $"{accountId}/{vaultName}";

    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(vaultName);
        if (!regions.Serves(region))
        {
            return false;
        }

        return await regions.Get(region).Store.TransactAsync(
            async tx => await tx.GetAsync(Collection, Key(accountId, vaultName)).ConfigureAwait(false) is not null,
            cancellationToken).ConfigureAwait(false);
    }
}
