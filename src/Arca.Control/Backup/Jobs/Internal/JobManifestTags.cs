using System.Globalization;
using Arca.Control.Backup.RecoveryPoints;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// The engine-manifest tags a backup job writes beside the resource type's own (<c>arca:resource-type</c>…), so the
/// catalog can be rebuilt from a vault and its key alone (docs/design/backup-service.md §3). The keys and encodings are
/// those of the vault service's <c>RecoveryPoints.RecoveryPointManifestTags</c> (its catalog rebuilder reads them): on
/// merge, <see cref="For"/> becomes that class's <c>For(record)</c> without <c>arca:resource-type</c>, which the resource
/// types write themselves and refuse from callers.
/// </summary>
internal static class JobManifestTags
{
    public const string RecoveryPointArn = "arca:recovery-point-arn";

    public const string ResourceArn = "arca:resource-arn";

    public const string ResourceName = "arca:resource-name";

    public const string IamRoleArn = "arca:iam-role-arn";

    public const string JobId = "arca:job-id";

    public const string MoveToColdStorageAfterDays = "arca:lifecycle-move-to-cold-storage-after-days";

    public const string DeleteAfterDays = "arca:lifecycle-delete-after-days";

    /// <summary>Prefix of the creator's fields: <c>arca:created-by:BackupPlanId</c>, … (the names of <see cref="RecoveryPointCreator"/>).</summary>
    public const string CreatedByPrefix = "arca:created-by:";

    /// <summary>Prefix of the recovery point's own tags (RecoveryPointTags): <c>arca:tag:KEY</c>.</summary>
    public const string TagPrefix = "arca:tag:";

    /// <summary>The tags of the recovery point a backup job commits (its creation date is the manifest's time).</summary>
    public static Dictionary<string, string> For(string jobId, BackupJobSpec spec)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RecoveryPointArn] = spec.RecoveryPointArn,
            [ResourceArn] = spec.ResourceArn,
            [IamRoleArn] = spec.IamRoleArn,
            [JobId] = jobId,
        };
        Add(tags, ResourceName, spec.ResourceName);
        Add(tags, MoveToColdStorageAfterDays, Days(spec.Lifecycle?.MoveToColdStorageAfterDays));
        Add(tags, DeleteAfterDays, Days(spec.Lifecycle?.DeleteAfterDays));
        if (spec.CreatedBy is { } c)
        {
            Add(tags, CreatedByPrefix + nameof(c.BackupPlanId), c.BackupPlanId);
            Add(tags, CreatedByPrefix + nameof(c.BackupPlanArn), c.BackupPlanArn);
            Add(tags, CreatedByPrefix + nameof(c.BackupPlanName), c.BackupPlanName);
            Add(tags, CreatedByPrefix + nameof(c.BackupPlanVersion), c.BackupPlanVersion);
            Add(tags, CreatedByPrefix + nameof(c.BackupRuleId), c.BackupRuleId);
            Add(tags, CreatedByPrefix + nameof(c.BackupRuleName), c.BackupRuleName);
            Add(tags, CreatedByPrefix + nameof(c.BackupRuleCron), c.BackupRuleCron);
            Add(tags, CreatedByPrefix + nameof(c.BackupRuleTimezone), c.BackupRuleTimezone);
        }

        foreach ((string key, string value) in spec.RecoveryPointTags)
        {
            tags[TagPrefix + key] = value;
        }

        return tags;
    }

    private static string? Days(long? days) => days?.ToString(CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string> tags, string key, string? value)
    {
        if (value is not null)
        {
            tags[key] = value;
        }
    }
}
