using Arca.Control.Metadata;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>The materializer's collection in the global store.</summary>
internal static class OrganizationPlanCollections
{
    /// <summary><c>org-backup-plan-materializations</c>: key = account id; i1 = organization.</summary>
    public static readonly Collection<MaterializationRecord> Materializations = new(
        "org-backup-plan-materializations", OrganizationPlanJson.Default.MaterializationRecord, r => r.AccountId, r => new IndexFields(r.OrganizationId));
}
