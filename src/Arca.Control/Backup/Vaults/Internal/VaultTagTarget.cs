using Arca.Control.Metadata;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>Tags of backup vaults (BackupVaultTags); tagging is governed by the vault's access policy too.</summary>
internal sealed class VaultTagTarget : IBackupTagTarget
{
    public ArnKind Kind => ArnKind.BackupVault;

    public async Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn) =>
        (await ReadAsync(transaction, accountId, arn).ConfigureAwait(false))?.Tags;

    public async Task SetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn, IReadOnlyDictionary<string, string> tags)
    {
        VaultDocument vault = (await ReadAsync(transaction, accountId, arn).ConfigureAwait(false))!;
        await VaultCollections.Vaults.PutAsync(transaction, vault with { Tags = tags }).ConfigureAwait(false);
    }

    public async Task<NamedPolicy?> GetResourcePolicyAsync(IMetadataTransaction transaction, string accountId, Arn arn) =>
        await ReadAsync(transaction, accountId, arn).ConfigureAwait(false) is { } vault ? VaultAccess.PolicyOf(vault) : null;

    private static async Task<VaultDocument?> ReadAsync(IMetadataTransaction transaction, string accountId, Arn arn)
    {
        StoredDocument? doc = await transaction.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(accountId, arn.ResourceId)).ConfigureAwait(false);
        return doc is null ? null : VaultCollections.TryRead(doc.Json);
    }
}
