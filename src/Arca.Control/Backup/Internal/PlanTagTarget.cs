using Arca.Control.Metadata;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.Internal;

/// <summary>Tags of backup plans (deleted ones too); an organization-managed plan's tags cannot be changed.</summary>
internal sealed class PlanTagTarget : IBackupTagTarget
{
    public ArnKind Kind => ArnKind.BackupPlan;

    public async Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn) =>
        (await BackupCollections.Plans.GetAsync(transaction, BackupCollections.PlanKey(accountId, arn.ResourceId)).ConfigureAwait(false))?.Tags;

    public async Task SetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn, IReadOnlyDictionary<string, string> tags)
    {
        PlanDocument plan = (await BackupCollections.Plans.GetAsync(transaction, BackupCollections.PlanKey(accountId, arn.ResourceId)).ConfigureAwait(false))!;
        PlanAccess.RefuseOrganizationManaged(plan);
        await BackupCollections.Plans.PutAsync(transaction, plan with { Tags = tags }).ConfigureAwait(false);
    }
}
