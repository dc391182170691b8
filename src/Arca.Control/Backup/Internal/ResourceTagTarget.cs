using Arca.Control.Metadata;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.Internal;

/// <summary>Tags of the inventory's resources: the tags tag selections match.</summary>
internal sealed class ResourceTagTarget : IBackupTagTarget
{
    public ArnKind Kind => ArnKind.ArcaResource;

    public async Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn) =>
        (await BackupCollections.Resources.GetAsync(transaction, BackupCollections.ResourceKey(accountId, arn.ToString())).ConfigureAwait(false))?.Tags;

    public async Task SetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn, IReadOnlyDictionary<string, string> tags)
    {
        ResourceDocument resource = (await BackupCollections.Resources.GetAsync(transaction, BackupCollections.ResourceKey(accountId, arn.ToString())).ConfigureAwait(false))!;
        await BackupCollections.Resources.PutAsync(transaction, resource with { Tags = tags }).ConfigureAwait(false);
    }
}
