namespace Arca.Control.Backup.Jobs;

/// <summary>
/// The engine-manifest tags a backup job writes beside the resource type's own (docs/design/resources.md §3), so the
/// recovery point catalog can be rebuilt from a vault and its key alone (DESIGN.md §4, "vault storage is
/// self-describing"; docs/design/backup-service.md §3). Values are plain text, or compact JSON where noted. Persisted
/// names: never renamed, never reused.
/// </summary>
public static class RecoveryPointManifestTags
{
    /// <summary>The AWS view's identity, <c>arn:aws:backup:REGION:ACCOUNT:recovery-point:UUID</c>.</summary>
    public const string RecoveryPointArn = "arca:recovery-point-arn";

    /// <summary>The Arca resource that was backed up (its type is <c>arca:resource-type</c>, written by the resource type).</summary>
    public const string ResourceArn = "arca:resource-arn";

    public const string ResourceName = "arca:resource-name";

    /// <summary>The backup vault the recovery point was made in.</summary>
    public const string BackupVaultArn = "arca:backup-vault-arn";

    /// <summary>The backup (or copy) job that made it.</summary>
    public const string JobId = "arca:job-id";

    public const string IamRoleArn = "arca:iam-role-arn";

    /// <summary>JSON of AWS <c>RecoveryPointCreator</c> (scheduled backups only).</summary>
    public const string CreatedBy = "arca:created-by";

    /// <summary>JSON of AWS <c>Lifecycle</c> (absent: never expire).</summary>
    public const string Lifecycle = "arca:lifecycle";

    /// <summary>JSON object of the recovery point's own tags (RecoveryPointTags), kept apart so user keys never meet Arca's.</summary>
    public const string Tags = "arca:recovery-point-tags";

    /// <summary>Set on copies (issue 6): the vault the recovery point was copied from.</summary>
    public const string SourceBackupVaultArn = "arca:source-backup-vault-arn";
}
