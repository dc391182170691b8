using System.Text.Json;
using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>The vault and recovery point collections of a regional store and what their keys and index fields mean (docs/design/backup-service.md §1).</summary>
internal static class VaultCollections
{
    /// <summary><c>vaults</c>: key <c>{account}/{name}</c> (<see cref="StoredVaultCatalog"/> reads the same keys); i1 = account.</summary>
    public static readonly Collection<VaultDocument> Vaults = new(
        StoredVaultCatalog.Collection, VaultJson.Default.VaultDocument, v => VaultKey(v.AccountId, v.BackupVaultName), v => new IndexFields(v.AccountId));

    /// <summary><c>vault-engines</c>: key <c>{account}/{engineId}</c>; i1 = account. Engine directories being created or removed.</summary>
    public static readonly Collection<VaultEngineDocument> Engines = new(
        "vault-engines", VaultJson.Default.VaultEngineDocument, e => $"{e.AccountId}/{e.EngineId}", e => new IndexFields(e.AccountId));

    /// <summary><c>recovery-points</c>: key <c>{account}/{vault}/{id}</c>; i1 = account, i2 = resource ARN, i3 = creation date.</summary>
    public static readonly Collection<RecoveryPointDocument> RecoveryPoints = new(
        "recovery-points",
        VaultJson.Default.RecoveryPointDocument,
        d => RecoveryPointKey(d.RecoveryPoint.AccountId, d.RecoveryPoint.BackupVaultName, d.Id),
        d => new IndexFields(d.RecoveryPoint.AccountId, d.RecoveryPoint.ResourceArn, SortableTime.ToIndex(d.RecoveryPoint.CreationDate)));

    /// <summary><c>recovery-point-ids</c>: key <c>{account}/{id}</c>: which vault holds a recovery point (its ARN names only the account).</summary>
    public static readonly Collection<RecoveryPointIdDocument> RecoveryPointIds = new(
        "recovery-point-ids", VaultJson.Default.RecoveryPointIdDocument, d => $"{d.AccountId}/{d.Id}");

    /// <summary><c>protected-resources</c>: key <c>{account}/{resource ARN}</c>; i1 = account. Resources with at least one recovery point.</summary>
    public static readonly Collection<ProtectedResourceDocument> ProtectedResources = new(
        "protected-resources", VaultJson.Default.ProtectedResourceDocument, d => ProtectedResourceKey(d.AccountId, d.ResourceArn), d => new IndexFields(d.AccountId));

    public static string VaultKey(string accountId, string vaultName) => StoredVaultCatalog.Key(accountId, vaultName);

    public static string RecoveryPointPrefix(string accountId, string vaultName) => $"{accountId}/{vaultName}/";

    public static string RecoveryPointKey(string accountId, string vaultName, string id) => RecoveryPointPrefix(accountId, vaultName) + id;

    public static string ProtectedResourceKey(string accountId, string resourceArn) => $"{accountId}/{resourceArn}";

    /// <summary>
    /// The vaults of a query, skipping documents that are not vault documents (placeholders other services' tests write
    /// under the same keys), which background work must survive.
    /// </summary>
    public static async Task<IReadOnlyList<VaultDocument>> ReadableVaultsAsync(IMetadataTransaction tx, DocumentQuery query)
    {
        var vaults = new List<VaultDocument>();
        foreach (StoredDocument doc in await tx.ListAsync(Vaults.Name, query).ConfigureAwait(false))
        {
            if (TryRead(doc.Json) is { } vault)
            {
                vaults.Add(vault);
            }
        }

        return vaults;
    }

    /// <summary>The vault document, or null when the key holds something else.</summary>
    public static VaultDocument? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, VaultJson.Default.VaultDocument);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
