namespace Arca.Api.Endpoints.Backup;

/// <summary>AWS <c>Lifecycle</c> on the wire.</summary>
internal sealed record LifecycleWire(long? MoveToColdStorageAfterDays, long? DeleteAfterDays, bool? OptInToArchiveForSupportedResources);

/// <summary>AWS <c>CalculatedLifecycle</c>.</summary>
internal sealed record CalculatedLifecycleWire(DateTimeOffset? MoveToColdStorageAt, DateTimeOffset? DeleteAt);

/// <summary>AWS <c>RecoveryPointCreator</c>.</summary>
internal sealed record RecoveryPointCreatorWire(
    string? BackupPlanId,
    string? BackupPlanArn,
    string? BackupPlanName,
    string? BackupPlanVersion,
    string? BackupRuleId,
    string? BackupRuleName,
    string? BackupRuleCron,
    string? BackupRuleTimezone);

/// <summary>AWS <c>RecoveryPointByBackupVault</c>, and DescribeRecoveryPoint's output (which adds StorageClass).</summary>
internal sealed record RecoveryPointOutput
{
    public required string RecoveryPointArn { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    public string? SourceBackupVaultArn { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public RecoveryPointCreatorWire? CreatedBy { get; init; }

    public string? IamRoleArn { get; init; }

    public required string Status { get; init; }

    public string? StatusMessage { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? InitiationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public long BackupSizeInBytes { get; init; }

    public required CalculatedLifecycleWire CalculatedLifecycle { get; init; }

    public LifecycleWire? Lifecycle { get; init; }

    public required string EncryptionKeyArn { get; init; }

    public bool IsEncrypted { get; init; } = true;

    /// <summary>DescribeRecoveryPoint only.</summary>
    public string? StorageClass { get; init; }

    public DateTimeOffset? LastRestoreTime { get; init; }

    public bool IsParent { get; init; }

    public string? ResourceName { get; init; }

    public string VaultType { get; init; } = "BACKUP_VAULT";

    public required string EncryptionKeyType { get; init; }
}

/// <summary>AWS <c>RecoveryPointByResource</c> (note BackupSizeBytes).</summary>
internal sealed record RecoveryPointByResourceOutput(
    string RecoveryPointArn,
    DateTimeOffset CreationDate,
    string Status,
    string? StatusMessage,
    string EncryptionKeyArn,
    long BackupSizeBytes,
    string BackupVaultName,
    bool IsParent,
    string? ResourceName,
    string VaultType,
    string EncryptionKeyType);

/// <summary>ListRecoveryPointsByBackupVault's output.</summary>
internal sealed record ListRecoveryPointsByVaultOutput(IReadOnlyList<RecoveryPointOutput> RecoveryPoints, string? NextToken);

/// <summary>ListRecoveryPointsByResource's output.</summary>
internal sealed record ListRecoveryPointsByResourceOutput(IReadOnlyList<RecoveryPointByResourceOutput> RecoveryPoints, string? NextToken);

/// <summary>UpdateRecoveryPointLifecycle's body.</summary>
internal sealed record UpdateLifecycleBody(LifecycleWire? Lifecycle);

/// <summary>UpdateRecoveryPointLifecycle's output.</summary>
internal sealed record UpdateLifecycleOutput(string BackupVaultArn, string RecoveryPointArn, LifecycleWire? Lifecycle, CalculatedLifecycleWire CalculatedLifecycle);

/// <summary>AWS <c>ProtectedResource</c>, and DescribeProtectedResource's output.</summary>
internal sealed record ProtectedResourceOutput(
    string ResourceArn, string ResourceType, DateTimeOffset LastBackupTime, string? ResourceName, string LastBackupVaultArn, string LastRecoveryPointArn);

/// <summary>ListProtectedResources' output.</summary>
internal sealed record ListProtectedResourcesOutput(IReadOnlyList<ProtectedResourceOutput> Results, string? NextToken);
