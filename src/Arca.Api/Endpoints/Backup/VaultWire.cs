namespace Arca.Api.Endpoints.Backup;

/// <summary>CreateBackupVault's body.</summary>
internal sealed record CreateBackupVaultBody(Dictionary<string, string>? BackupVaultTags, string? EncryptionKeyArn, string? CreatorRequestId);

/// <summary>CreateBackupVault's output.</summary>
internal sealed record CreateBackupVaultOutput(string BackupVaultName, string BackupVaultArn, DateTimeOffset CreationDate);

/// <summary>DescribeBackupVault's output, and AWS <c>BackupVaultListMember</c> (the same members).</summary>
internal sealed record BackupVaultOutput(
    string BackupVaultName,
    string BackupVaultArn,
    string VaultType,
    string VaultState,
    string EncryptionKeyArn,
    DateTimeOffset CreationDate,
    string? CreatorRequestId,
    long NumberOfRecoveryPoints,
    bool Locked,
    long? MinRetentionDays,
    long? MaxRetentionDays,
    DateTimeOffset? LockDate,
    string EncryptionKeyType);

/// <summary>ListBackupVaults' output.</summary>
internal sealed record ListBackupVaultsOutput(IReadOnlyList<BackupVaultOutput> BackupVaultList, string? NextToken);

/// <summary>PutBackupVaultAccessPolicy's body: the policy as JSON text.</summary>
internal sealed record PutVaultAccessPolicyBody(string? Policy);

/// <summary>GetBackupVaultAccessPolicy's output.</summary>
internal sealed record VaultAccessPolicyOutput(string BackupVaultName, string BackupVaultArn, string Policy);

/// <summary>PutBackupVaultLockConfiguration's body.</summary>
internal sealed record PutVaultLockBody(long? MinRetentionDays, long? MaxRetentionDays, long? ChangeableForDays);
