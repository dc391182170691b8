namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// One plan of an effective backup policy, typed, with the provenance of every value. It may be
/// incomplete: check it with <see cref="EffectivePlanValidator.Validate"/> before materializing.
/// </summary>
/// <param name="Name">The plan name (becomes <c>BackupPlanName</c>).</param>
/// <param name="Source">The policy that added the plan.</param>
/// <param name="Regions"><c>regions</c>.</param>
/// <param name="Rules"><c>rules</c>.</param>
/// <param name="TagSelections"><c>selections.tags</c>.</param>
/// <param name="ResourceSelections"><c>selections.resources</c>.</param>
/// <param name="AdvancedBackupSettings"><c>advanced_backup_settings</c>, or null.</param>
/// <param name="BackupPlanTags"><c>backup_plan_tags</c>.</param>
/// <param name="ScanSettings"><c>scan_settings</c>.</param>
public sealed record EffectivePlan(
    string Name,
    PolicySource Source,
    IReadOnlyList<SourcedValue> Regions,
    IReadOnlyList<EffectiveRule> Rules,
    IReadOnlyList<EffectiveTagSelection> TagSelections,
    IReadOnlyList<EffectiveResourceSelection> ResourceSelections,
    EffectiveAdvancedBackupSettings? AdvancedBackupSettings,
    IReadOnlyList<EffectiveTag> BackupPlanTags,
    IReadOnlyList<EffectiveScanSetting> ScanSettings);
