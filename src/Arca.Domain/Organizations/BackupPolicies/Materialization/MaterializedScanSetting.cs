namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>ScanSetting</c>, with <c>$account</c> substituted.</summary>
public sealed record MaterializedScanSetting(string MalwareScanner, IReadOnlyList<string> ResourceTypes, string ScannerRoleArn);
