using System.Globalization;
using Arca.Domain.Plans;
using Arca.Storage.Format;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// The AWS view of a recovery point carried in its engine manifest's tags (docs/design/backup-service.md §3), so the catalog
/// can be rebuilt from the vault alone (<see cref="RecoveryPointCatalogRebuilder"/>). Backup and copy runners pass
/// <see cref="For"/> in the engine's backup or copy options; every key starts with <c>arca:</c>, beside the resource type's own.
/// </summary>
public static class RecoveryPointManifestTags
{
    /// <summary>The recovery point's ARN: a manifest without it is not a Backup recovery point and is never cataloged.</summary>
    public const string RecoveryPointArn = "arca:recovery-point-arn";

    public const string ResourceArn = "arca:resource-arn";

    /// <summary>The resource type's name, the key the resource types write themselves (<see cref="ResourceTags.ResourceType"/>).</summary>
    public const string ResourceType = ResourceTags.ResourceType;

    public const string ResourceName = "arca:resource-name";

    /// <summary>ISO 8601; a copy carries its source's creation date. Absent: the manifest's time.</summary>
    public const string CreationDate = "arca:creation-date";

    public const string IamRoleArn = "arca:iam-role-arn";

    public const string JobId = "arca:job-id";

    public const string SourceBackupVaultArn = "arca:source-backup-vault-arn";

    public const string MoveToColdStorageAfterDays = "arca:lifecycle-move-to-cold-storage-after-days";

    public const string DeleteAfterDays = "arca:lifecycle-delete-after-days";

    /// <summary>Prefix of the creator's fields: <c>arca:created-by:BackupPlanId</c>, … (the names of <see cref="RecoveryPointCreator"/>).</summary>
    public const string CreatedByPrefix = "arca:created-by:";

    /// <summary>Prefix of the recovery point's own tags (RecoveryPointTags): <c>arca:tag:KEY</c>.</summary>
    public const string TagPrefix = "arca:tag:";

    /// <summary>
    /// The manifest tags of <paramref name="recoveryPoint"/>. Written: ARN, resource ARN, type and name, creation date, role, job,
    /// source vault, lifecycle, creator and tags; the engine id, status, sizes and completion come from the engine itself.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(RecoveryPointRecord recoveryPoint)
    {
        ArgumentNullException.ThrowIfNull(recoveryPoint);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RecoveryPointArn] = recoveryPoint.RecoveryPointArn,
            [ResourceArn] = recoveryPoint.ResourceArn,
            [ResourceType] = recoveryPoint.ResourceType,
            [CreationDate] = recoveryPoint.CreationDate.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        Add(tags, ResourceName, recoveryPoint.ResourceName);
        Add(tags, IamRoleArn, recoveryPoint.IamRoleArn);
        Add(tags, JobId, recoveryPoint.CreatedByJobId);
        Add(tags, SourceBackupVaultArn, recoveryPoint.SourceBackupVaultArn);
        Add(tags, MoveToColdStorageAfterDays, recoveryPoint.Lifecycle?.MoveToColdStorageAfterDays?.ToString(CultureInfo.InvariantCulture));
        Add(tags, DeleteAfterDays, recoveryPoint.Lifecycle?.DeleteAfterDays?.ToString(CultureInfo.InvariantCulture));
        AddCreatorAndTags(tags, recoveryPoint.CreatedBy, recoveryPoint.Tags);
        return tags;
    }

    /// <summary>Writes the creator's fields (<see cref="CreatedByPrefix"/>) and the recovery point's own tags (<see cref="TagPrefix"/>).</summary>
    internal static void AddCreatorAndTags(Dictionary<string, string> tags, RecoveryPointCreator? createdBy, IReadOnlyDictionary<string, string> ownTags)
    {
        if (createdBy is { } c)
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

        foreach ((string key, string value) in ownTags)
        {
            tags[TagPrefix + key] = value;
        }
    }

    /// <summary>
    /// The catalog entry a manifest describes, in the vault whose identity is given, or null when the manifest carries no
    /// recovery point ARN of that account and region (not a Backup recovery point).
    /// </summary>
    public static RecoveryPointRecord? Read(
        BlobId engineRecoveryPointId, Manifest manifest, string region, string accountId, string vaultName, string vaultArn, string encryptionKeyArn)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        IReadOnlyDictionary<string, string> tags = manifest.Tags;
        if (!tags.TryGetValue(RecoveryPointArn, out string? arn) || !Internal.RecoveryPointArns.TryParse(arn, out Domain.Arns.Arn? parsed)
            || parsed.Account != accountId || parsed.Region != region || !tags.TryGetValue(ResourceArn, out string? resourceArn))
        {
            return null;
        }

        DateTimeOffset creation = tags.TryGetValue(CreationDate, out string? created)
            && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsedDate) ? parsedDate : manifest.Time;
        long? cold = Days(tags, MoveToColdStorageAfterDays), delete = Days(tags, DeleteAfterDays);
        return new RecoveryPointRecord
        {
            RecoveryPointArn = arn,
            AccountId = accountId,
            Region = region,
            BackupVaultName = vaultName,
            BackupVaultArn = vaultArn,
            EngineRecoveryPointId = engineRecoveryPointId.ToString(),
            ResourceArn = resourceArn,
            ResourceType = tags.GetValueOrDefault(ResourceType) ?? "Directory",
            ResourceName = tags.GetValueOrDefault(ResourceName),
            Status = manifest.Partial ? "PARTIAL" : RecoveryPointCatalog.Completed,
            CreationDate = creation,
            InitiationDate = manifest.Time,
            CompletionDate = manifest.Time.AddSeconds(manifest.Summary.DurationSeconds),
            BackupSizeInBytes = manifest.Summary.Bytes,
            IamRoleArn = tags.GetValueOrDefault(IamRoleArn),
            CreatedBy = Creator(tags),
            Lifecycle = cold is null && delete is null ? null : new Lifecycle(cold, delete),
            EncryptionKeyArn = encryptionKeyArn,
            SourceBackupVaultArn = tags.GetValueOrDefault(SourceBackupVaultArn),
            CreatedByJobId = tags.GetValueOrDefault(JobId),
            Tags = tags.Where(t => t.Key.StartsWith(TagPrefix, StringComparison.Ordinal))
                .ToDictionary(t => t.Key[TagPrefix.Length..], t => t.Value, StringComparer.Ordinal),
        };
    }

    private static RecoveryPointCreator? Creator(IReadOnlyDictionary<string, string> tags)
    {
        string? Get(string name) => tags.GetValueOrDefault(CreatedByPrefix + name);
        var creator = new RecoveryPointCreator(
            Get(nameof(RecoveryPointCreator.BackupPlanId)),
            Get(nameof(RecoveryPointCreator.BackupPlanArn)),
            Get(nameof(RecoveryPointCreator.BackupPlanName)),
            Get(nameof(RecoveryPointCreator.BackupPlanVersion)),
            Get(nameof(RecoveryPointCreator.BackupRuleId)),
            Get(nameof(RecoveryPointCreator.BackupRuleName)),
            Get(nameof(RecoveryPointCreator.BackupRuleCron)),
            Get(nameof(RecoveryPointCreator.BackupRuleTimezone)));
        return creator == new RecoveryPointCreator(null, null, null, null, null, null, null, null) ? null : creator;
    }

    private static long? Days(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long days) ? days : null;

    private static void Add(Dictionary<string, string> tags, string key, string? value)
    {
        if (value is not null)
        {
            tags[key] = value;
        }
    }
}
