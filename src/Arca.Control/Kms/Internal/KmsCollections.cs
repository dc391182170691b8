using Arca.Control.Metadata;

namespace Arca.Control.Kms.Internal;

/// <summary>The KMS collections of a region's store and what their keys and index fields mean.</summary>
internal static class KmsCollections
{
    /// <summary>
    /// <c>kms-keys</c>: key = the key id (a UUID, unique in the region, so a ciphertext's key id finds its key);
    /// i1 = account, i2 = state, i3 = deletion date (sortable) while pending deletion.
    /// </summary>
    public static readonly Collection<KeyRecord> Keys = new(
        "kms-keys",
        KmsJson.Default.KeyRecord,
        k => k.KeyId,
        k => new IndexFields(k.AccountId, k.State.ToString(), k.State == KeyState.PendingDeletion && k.DeletionDate is { } at ? SortableTime.ToIndex(at) : null));

    /// <summary><c>kms-aliases</c>: key = <c>ACCOUNT/alias/NAME</c>; i1 = account, i2 = target key id.</summary>
    public static readonly Collection<AliasRecord> Aliases = new(
        "kms-aliases", KmsJson.Default.AliasRecord, a => AliasKey(a.AccountId, a.AliasName), a => new IndexFields(a.AccountId, a.TargetKeyId));

    public static string AliasKey(string accountId, string aliasName) => $"{accountId}/{aliasName}";

    public static string AliasPrefix(string accountId) => accountId + "/";
}
