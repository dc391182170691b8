using System.Globalization;
using Arca.Control.Backup.RecoveryPoints;
using static Arca.Control.Backup.RecoveryPoints.RecoveryPointManifestTags;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// The engine-manifest tags a backup job writes beside the resource type's own (<c>arca:resource-type</c>…), so the
/// catalog can be rebuilt from a vault and its key alone (docs/design/backup-service.md §3): the keys and encodings of
/// <see cref="RecoveryPointManifestTags"/>, whose catalog rebuilder reads them. The creation date is the manifest's time.
/// </summary>
internal static class JobManifestTags
{
    /// <summary>The tags of the recovery point a backup job commits.</summary>
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
        AddCreatorAndTags(tags, spec.CreatedBy, spec.RecoveryPointTags);
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
