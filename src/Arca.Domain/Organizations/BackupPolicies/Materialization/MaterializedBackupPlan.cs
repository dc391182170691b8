namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>
/// An effective plan made concrete for one account and Region: the Backup API
/// <c>BackupPlanInput</c> shape (§3 of the reference) plus its selections and plan tags, with
/// <c>$account</c>/<c>$region</c> substituted. Property names are the Backup API's.
/// </summary>
public sealed record MaterializedBackupPlan(
    string BackupPlanName,
    IReadOnlyList<MaterializedBackupRule> Rules,
    IReadOnlyList<MaterializedAdvancedBackupSetting> AdvancedBackupSettings,
    IReadOnlyList<MaterializedScanSetting> ScanSettings,
    IReadOnlyList<MaterializedBackupSelection> Selections,
    IReadOnlyDictionary<string, string> BackupPlanTags);
