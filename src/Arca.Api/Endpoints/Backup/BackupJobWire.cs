using System.Text.Json;

namespace Arca.Api.Endpoints.Backup;

/// <summary>AWS <c>Lifecycle</c> on the wire (same shape as the vault endpoints' LifecycleWire; one can replace the other once both are merged).</summary>
internal sealed record JobLifecycleWire(long? MoveToColdStorageAfterDays, long? DeleteAfterDays, bool? OptInToArchiveForSupportedResources);

/// <summary>AWS <c>RecoveryPointCreator</c> on the wire (same shape as the vault endpoints' RecoveryPointCreatorWire).</summary>
internal sealed record JobCreatorWire(
    string? BackupPlanId,
    string? BackupPlanArn,
    string? BackupPlanName,
    string? BackupPlanVersion,
    string? BackupRuleId,
    string? BackupRuleName,
    string? BackupRuleCron,
    string? BackupRuleTimezone);

/// <summary>StartBackupJob's body.</summary>
internal sealed record StartBackupJobBody(
    string? BackupVaultName,
    string? ResourceArn,
    string? IamRoleArn,
    string? IdempotencyToken,
    long? StartWindowMinutes,
    long? CompleteWindowMinutes,
    JobLifecycleWire? Lifecycle,
    Dictionary<string, string>? RecoveryPointTags,
    Dictionary<string, string>? BackupOptions,
    JsonElement? Index,
    string? LogicallyAirGappedBackupVaultArn);

/// <summary>StartBackupJob's output.</summary>
internal sealed record StartBackupJobOutput(string BackupJobId, DateTimeOffset CreationDate, bool IsParent);

/// <summary>DescribeBackupJob's output and AWS <c>BackupJob</c> (ListBackupJobs' members, without the child counts).</summary>
internal sealed record BackupJobWire(
    string AccountId,
    string BackupJobId,
    string BackupVaultName,
    string BackupVaultArn,
    string VaultType,
    string? VaultLockState,
    string? RecoveryPointArn,
    JobLifecycleWire? RecoveryPointLifecycle,
    string? EncryptionKeyArn,
    bool IsEncrypted,
    string ResourceArn,
    DateTimeOffset CreationDate,
    DateTimeOffset? CompletionDate,
    string State,
    string? StatusMessage,
    string PercentDone,
    long BackupSizeInBytes,
    string IamRoleArn,
    JobCreatorWire? CreatedBy,
    DateTimeOffset? ExpectedCompletionDate,
    DateTimeOffset? StartBy,
    string ResourceType,
    long BytesTransferred,
    IReadOnlyDictionary<string, string>? BackupOptions,
    bool IsParent,
    string? ResourceName,
    DateTimeOffset? InitiationDate,
    string? MessageCategory,
    long? NumberOfChildJobs);

/// <summary>ListBackupJobs' output.</summary>
internal sealed record ListBackupJobsOutput(IReadOnlyList<BackupJobWire> BackupJobs, string? NextToken);
