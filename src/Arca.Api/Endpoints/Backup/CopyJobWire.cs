namespace Arca.Api.Endpoints.Backup;

/// <summary>StartCopyJob's body.</summary>
internal sealed record StartCopyJobBody(
    string? RecoveryPointArn,
    string? SourceBackupVaultName,
    string? DestinationBackupVaultArn,
    string? IamRoleArn,
    string? IdempotencyToken,
    JobLifecycleWire? Lifecycle);

/// <summary>StartCopyJob's output.</summary>
internal sealed record StartCopyJobOutput(string CopyJobId, DateTimeOffset CreationDate, bool IsParent);

/// <summary>AWS <c>CopyJob</c> (DescribeCopyJob's <c>CopyJob</c> and ListCopyJobs' members).</summary>
internal sealed record CopyJobWire(
    string AccountId,
    string CopyJobId,
    string SourceBackupVaultArn,
    string SourceRecoveryPointArn,
    string DestinationBackupVaultArn,
    string DestinationVaultType,
    string? DestinationVaultLockState,
    string? DestinationRecoveryPointArn,
    string? DestinationEncryptionKeyArn,
    JobLifecycleWire? DestinationRecoveryPointLifecycle,
    string ResourceArn,
    DateTimeOffset CreationDate,
    DateTimeOffset? CompletionDate,
    string State,
    string? StatusMessage,
    long BackupSizeInBytes,
    string IamRoleArn,
    JobCreatorWire? CreatedBy,
    string? CreatedByBackupJobId,
    string ResourceType,
    bool IsParent,
    long? NumberOfChildJobs,
    string? ResourceName,
    string? MessageCategory);

/// <summary>DescribeCopyJob's output.</summary>
internal sealed record DescribeCopyJobOutput(CopyJobWire CopyJob);

/// <summary>ListCopyJobs' output.</summary>
internal sealed record ListCopyJobsOutput(IReadOnlyList<CopyJobWire> CopyJobs, string? NextToken);
