namespace Arca.Control.Backup;

/// <summary>
/// What plans need to know about backup vaults: whether one exists. Implemented by the vault service; until it
/// exists, <see cref="StoredVaultCatalog"/> reads the <c>vaults</c> collection of docs/design/backup-service.md §1.
/// </summary>
/// <remarks>Thread-safe. Opens its own transaction: never call it from inside one.</remarks>
public interface IVaultCatalog
{
    /// <summary>Whether <paramref name="accountId"/> has a vault named <paramref name="vaultName"/> (case-sensitive) in <paramref name="region"/>.</summary>
    /// <returns>False also when the region is not served by this server.</returns>
    Task<bool> ExistsAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default);
}
