using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Metadata;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary>Tags of recovery points (RecoveryPointTags, first written by the job); tagging is governed by their vault's access policy too.</summary>
internal sealed class RecoveryPointTagTarget : IBackupTagTarget
{
    public ArnKind Kind => ArnKind.RecoveryPoint;

    public async Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn) =>
        (await ReadAsync(transaction, accountId, arn).ConfigureAwait(false))?.RecoveryPoint.Tags;

    public async Task SetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn, IReadOnlyDictionary<string, string> tags)
    {
        RecoveryPointDocument entry = (await ReadAsync(transaction, accountId, arn).ConfigureAwait(false))!;
        await VaultCollections.RecoveryPoints.PutAsync(transaction, entry with { RecoveryPoint = entry.RecoveryPoint with { Tags = tags } }).ConfigureAwait(false);
    }

    public async Task<NamedPolicy?> GetResourcePolicyAsync(IMetadataTransaction transaction, string accountId, Arn arn)
    {
        if (await ReadAsync(transaction, accountId, arn).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        StoredDocument? doc = await transaction.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(accountId, entry.RecoveryPoint.BackupVaultName)).ConfigureAwait(false);
        return doc is not null && VaultCollections.TryRead(doc.Json) is { } vault ? VaultAccess.PolicyOf(vault) : null;
    }

    private static async Task<RecoveryPointDocument?> ReadAsync(IMetadataTransaction transaction, string accountId, Arn arn)
    {
        if (!RecoveryPointArns.TryParse(arn.ToString(), out _))
        {
            return null;
        }

        RecoveryPointIdDocument? known = await VaultCollections.RecoveryPointIds.GetAsync(transaction, $"{accountId}/{arn.ResourceId}").ConfigureAwait(false);
        return known is null ? null
            : await VaultCollections.RecoveryPoints.GetAsync(transaction, VaultCollections.RecoveryPointKey(accountId, known.BackupVaultName, arn.ResourceId)).ConfigureAwait(false);
    }
}
