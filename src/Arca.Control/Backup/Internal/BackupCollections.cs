using Arca.Control.Metadata;

namespace Arca.Control.Backup.Internal;

/// <summary>The Backup collections of a regional store and what their keys and index fields mean (docs/design/backup-service.md §1).</summary>
internal static class BackupCollections
{
    public const string Active = "active";
    public const string Deleted = "deleted";

    /// <summary><c>plans</c>: key <c>{account}/{planId}</c>; i1 = account, i2 = active | deleted.</summary>
    public static readonly Collection<PlanDocument> Plans = new(
        "plans", BackupJson.Default.PlanDocument, p => PlanKey(p.AccountId, p.BackupPlanId),
        p => new IndexFields(p.AccountId, p.DeletionDate is null ? Active : Deleted));

    /// <summary><c>plan-versions</c>: key <c>{account}/{planId}/{versionId}</c>; i1 = account, i3 = created.</summary>
    public static readonly Collection<PlanVersionDocument> PlanVersions = new(
        "plan-versions", BackupJson.Default.PlanVersionDocument, v => VersionPrefix(v.AccountId, v.BackupPlanId) + v.VersionId,
        v => new IndexFields(v.AccountId, I3: SortableTime.ToIndex(v.CreationDate)));

    /// <summary><c>selections</c>: key <c>{account}/{planId}/{selectionId}</c>; i1 = account, i2 = plan id.</summary>
    public static readonly Collection<SelectionDocument> Selections = new(
        "selections", BackupJson.Default.SelectionDocument, s => SelectionPrefix(s.AccountId, s.BackupPlanId) + s.SelectionId,
        s => new IndexFields(s.AccountId, s.BackupPlanId));

    /// <summary><c>resources</c>: key <c>{account}/{arn}</c>; i1 = account, i2 = resource type.</summary>
    public static readonly Collection<ResourceDocument> Resources = new(
        "resources", BackupJson.Default.ResourceDocument, r => ResourceKey(r.AccountId, r.ResourceArn), r => new IndexFields(r.AccountId, r.ResourceType));

    /// <summary><c>settings</c>: key <c>{account}</c>.</summary>
    public static readonly Collection<RegionSettingsDocument> Settings = new(
        "settings", BackupJson.Default.RegionSettingsDocument, s => s.AccountId);

    /// <summary><c>idempotency</c>: key <c>{account}/{operation}/{token}</c>.</summary>
    public static readonly Collection<IdempotencyDocument> Idempotency = new(
        "idempotency", BackupJson.Default.IdempotencyDocument, i => i.Key);

    public static string PlanKey(string accountId, string planId) => $"{accountId}/{planId}";

    public static string VersionPrefix(string accountId, string planId) => $"{accountId}/{planId}/";

    public static string SelectionPrefix(string accountId, string planId) => $"{accountId}/{planId}/";

    public static string ResourceKey(string accountId, string arn) => $"{accountId}/{arn}";

    public static string IdempotencyKey(string accountId, string operation, string token) => $"{accountId}/{operation}/{token}";
}
