namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>ScanAction</c>.</summary>
public sealed record MaterializedScanAction(string MalwareScanner, string ScanMode);
