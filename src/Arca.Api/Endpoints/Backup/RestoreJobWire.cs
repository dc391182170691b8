namespace Arca.Api.Endpoints.Backup;

/// <summary>StartRestoreJob's body. <see cref="Metadata"/> is sensitive (a connection string may hold a password): never printed.</summary>
internal sealed record StartRestoreJobBody(
    string? RecoveryPointArn,
    Dictionary<string, string>? Metadata,
    string? IamRoleArn,
    string? IdempotencyToken,
    string? ResourceType,
    bool? CopySourceTagsToRestoredResource)
{
    public override string ToString() => $"StartRestoreJobBody {{ RecoveryPointArn = {RecoveryPointArn}, ResourceType = {ResourceType} }}";
}

/// <summary>StartRestoreJob's output.</summary>
internal sealed record StartRestoreJobOutput(string RestoreJobId);

/// <summary>DescribeRestoreJob's output and AWS <c>RestoreJobsListMember</c>.</summary>
internal sealed record RestoreJobWire(
    string AccountId,
    string RestoreJobId,
    string RecoveryPointArn,
    string SourceResourceArn,
    string BackupVaultArn,
    DateTimeOffset CreationDate,
    DateTimeOffset? CompletionDate,
    string Status,
    string? StatusMessage,
    string PercentDone,
    long BackupSizeInBytes,
    string? IamRoleArn,
    string? CreatedResourceArn,
    string ResourceType,
    DateTimeOffset RecoveryPointCreationDate,
    bool IsParent);

/// <summary>ListRestoreJobs' and ListRestoreJobsByProtectedResource's output.</summary>
internal sealed record ListRestoreJobsOutput(IReadOnlyList<RestoreJobWire> RestoreJobs, string? NextToken);

/// <summary>GetRestoreJobMetadata's output (no password in a connection string).</summary>
internal sealed record RestoreJobMetadataOutput(string RestoreJobId, IReadOnlyDictionary<string, string> Metadata);

/// <summary>GetRecoveryPointRestoreMetadata's output.</summary>
internal sealed record RecoveryPointRestoreMetadataOutput(
    string BackupVaultArn, string RecoveryPointArn, IReadOnlyDictionary<string, string> RestoreMetadata, string ResourceType);
