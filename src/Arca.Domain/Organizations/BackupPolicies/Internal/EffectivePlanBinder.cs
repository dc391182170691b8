namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// Builds the typed view (<see cref="EffectivePlan"/> …) of the effective tree. Every schema key
/// must be read here; the schema coverage test fails otherwise.
/// </summary>
internal static class EffectivePlanBinder
{
    /// <summary>The typed plans under <c>plans</c>, in first-introduced order.</summary>
    public static IReadOnlyList<EffectivePlan> BindPlans(EffectiveNode root) =>
        Entries(root, "plans").Select(BindPlan).ToArray();

    private static EffectivePlan BindPlan(EffectiveNode plan)
    {
        var selections = Child(plan, "selections");
        return new EffectivePlan(
            plan.Key,
            plan.KeySource!,
            Items(plan, "regions"),
            Entries(plan, "rules").Select(BindRule).ToArray(),
            Entries(selections, "tags").Select(BindTagSelection).ToArray(),
            Entries(selections, "resources").Select(BindResourceSelection).ToArray(),
            BindAdvancedBackupSettings(Child(plan, "advanced_backup_settings")),
            Entries(plan, "backup_plan_tags").Select(BindTag).ToArray(),
            Entries(plan, "scan_settings")
                .Select(static s => new EffectiveScanSetting(s.Key, s.KeySource!, Items(s, "resource_types"), Value(s, "scanner_role_arn")))
                .ToArray());
    }

    private static EffectiveRule BindRule(EffectiveNode rule) => new(
        rule.Key,
        rule.KeySource!,
        Value(rule, "schedule_expression"),
        Value(rule, "schedule_expression_timezone"),
        Value(rule, "start_backup_window_minutes"),
        Value(rule, "complete_backup_window_minutes"),
        Value(rule, "target_backup_vault_name"),
        Value(rule, "target_logically_air_gapped_backup_vault_arn"),
        Value(rule, "enable_continuous_backup"),
        BindLifecycle(Child(rule, "lifecycle")),
        Entries(rule, "copy_actions")
            .Select(static c => new EffectiveCopyAction(c.Key, c.KeySource!, Value(c, "target_backup_vault_arn"), BindLifecycle(Child(c, "lifecycle"))))
            .ToArray(),
        Entries(rule, "recovery_point_tags").Select(BindTag).ToArray(),
        Items(Child(rule, "index_actions"), "resource_types"),
        Entries(rule, "scan_actions").Select(static s => new EffectiveScanAction(s.Key, s.KeySource!, Value(s, "scan_mode"))).ToArray());

    private static EffectiveLifecycle? BindLifecycle(EffectiveNode? lifecycle) => lifecycle is null
        ? null
        : new EffectiveLifecycle(
            Value(lifecycle, "move_to_cold_storage_after_days"),
            Value(lifecycle, "delete_after_days"),
            Value(lifecycle, "opt_in_to_archive_for_supported_resources"));

    private static EffectiveTag BindTag(EffectiveNode tag) =>
        new(tag.Key, tag.KeySource!, Value(tag, "tag_key"), Value(tag, "tag_value"));

    private static EffectiveTagSelection BindTagSelection(EffectiveNode selection) => new(
        selection.Key,
        selection.KeySource!,
        Value(selection, "iam_role_arn"),
        Value(selection, "tag_key"),
        Items(selection, "tag_value"),
        BindConditions(Child(selection, "conditions")));

    private static EffectiveResourceSelection BindResourceSelection(EffectiveNode selection) => new(
        selection.Key,
        selection.KeySource!,
        Value(selection, "iam_role_arn"),
        Items(selection, "resource_types"),
        Items(selection, "not_resource_types"),
        BindConditions(Child(selection, "conditions")));

    private static EffectiveConditions? BindConditions(EffectiveNode? conditions)
    {
        if (conditions is null)
        {
            return null;
        }

        EffectiveCondition[] Bind(string op) => Entries(conditions, op)
            .Select(static c => new EffectiveCondition(c.Key, c.KeySource!, Value(c, "condition_key"), Value(c, "condition_value")))
            .ToArray();

        return new EffectiveConditions(Bind("string_equals"), Bind("string_not_equals"), Bind("string_like"), Bind("string_not_like"));
    }

    private static EffectiveAdvancedBackupSettings? BindAdvancedBackupSettings(EffectiveNode? settings) => settings is null
        ? null
        : new EffectiveAdvancedBackupSettings(
            Value(Child(settings, "ec2"), "windows_vss"),
            Value(Child(settings, "s3"), "backup_acls"),
            Value(Child(settings, "s3"), "backup_object_tags"));

    private static EffectiveNode? Child(EffectiveNode? parent, string key) =>
        parent?.Find(key) is { IsEmpty: false } child ? child : null;

    private static SourcedValue? Value(EffectiveNode? parent, string key) => Child(parent, key)?.Scalar;

    private static SourcedValue[] Items(EffectiveNode? parent, string key) => Child(parent, key)?.Items.ToArray() ?? [];

    private static IEnumerable<EffectiveNode> Entries(EffectiveNode? parent, string key) =>
        Child(parent, key)?.Children.Where(static c => !c.IsEmpty) ?? [];
}
