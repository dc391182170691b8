namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>AdvancedBackupSetting</c>: <c>EC2</c> with <c>WindowsVSS</c>, <c>S3</c> with <c>BackupACLs</c>/<c>BackupObjectTags</c>.</summary>
public sealed record MaterializedAdvancedBackupSetting(string ResourceType, IReadOnlyDictionary<string, string> BackupOptions);
