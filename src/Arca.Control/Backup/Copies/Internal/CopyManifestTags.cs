using Arca.Control.Backup.RecoveryPoints;

namespace Arca.Control.Backup.Copies.Internal;

/// <summary>
/// The manifest tags of a copy: the source manifest's resource-type tags (<c>arca:resource-type</c>, <c>arca:source-path</c>…)
/// stay, the source's recovery point tags (<see cref="RecoveryPointManifestTags"/>: its ARN, job, lifecycle, creator…) are
/// dropped and the copy's own written instead, so the destination's catalog can be rebuilt from its vault alone.
/// </summary>
internal static class CopyManifestTags
{
    private static readonly HashSet<string> RecoveryPointKeys = new(StringComparer.Ordinal)
    {
        RecoveryPointManifestTags.RecoveryPointArn,
        RecoveryPointManifestTags.ResourceArn,
        RecoveryPointManifestTags.ResourceName,
        RecoveryPointManifestTags.CreationDate,
        RecoveryPointManifestTags.IamRoleArn,
        RecoveryPointManifestTags.JobId,
        RecoveryPointManifestTags.SourceBackupVaultArn,
        RecoveryPointManifestTags.MoveToColdStorageAfterDays,
        RecoveryPointManifestTags.DeleteAfterDays,
    };

    /// <summary>True for a source tag the copy keeps.</summary>
    public static bool KeepFromSource(string key) =>
        !RecoveryPointKeys.Contains(key)
        && !key.StartsWith(RecoveryPointManifestTags.CreatedByPrefix, StringComparison.Ordinal)
        && !key.StartsWith(RecoveryPointManifestTags.TagPrefix, StringComparison.Ordinal);

    /// <summary>The copy's own tags (without the resource type, which the source manifest carries).</summary>
    public static IReadOnlyDictionary<string, string> For(RecoveryPointRecord copy) =>
        RecoveryPointManifestTags.For(copy).Where(t => t.Key != RecoveryPointManifestTags.ResourceType).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
}
