using System.Globalization;

using Arca.Domain.Organizations.BackupPolicies.Internal;

namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// Decides whether an effective plan is complete enough to be materialized as a backup plan in
/// member accounts. AWS: an effective plan lacking required elements "is not valid and doesn't
/// back up your resources". Pure and thread-safe.
/// </summary>
public static class EffectivePlanValidator
{
    private const string Required = "required to materialize the plan";

    /// <summary>
    /// Lists what is missing or inconsistent in <paramref name="plan"/>, each naming the path;
    /// empty when the plan can be materialized.
    /// </summary>
    /// <remarks>
    /// Checks: at least one Region and one rule; each rule's schedule and target vault; at least
    /// one selection, with role, tag key and values (tags) or resource types (resources); the
    /// fields of tags, conditions and scan entries; delete at least 90 days after cold storage.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static IReadOnlyList<BackupPolicyError> Validate(EffectivePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<BackupPolicyError>();
        var path = PolicyPath.Append("plans", plan.Name);
        RequireAny(errors, plan.Regions.Count, PolicyPath.Append(path, "regions"), "at least one Region");
        RequireAny(errors, plan.Rules.Count, PolicyPath.Append(path, "rules"), "at least one rule");
        foreach (var rule in plan.Rules)
        {
            ValidateRule(errors, rule, PolicyPath.Append(PolicyPath.Append(path, "rules"), rule.Name));
        }

        ValidateSelections(errors, plan, PolicyPath.Append(path, "selections"));
        ValidateTags(errors, plan.BackupPlanTags, PolicyPath.Append(path, "backup_plan_tags"));
        foreach (var setting in plan.ScanSettings)
        {
            var settingPath = PolicyPath.Append(PolicyPath.Append(path, "scan_settings"), setting.Scanner);
            RequireAny(errors, setting.ResourceTypes.Count, PolicyPath.Append(settingPath, "resource_types"), "at least one resource type");
            Require(errors, setting.ScannerRoleArn, settingPath, "scanner_role_arn");
        }

        return errors;
    }

    private static void ValidateRule(List<BackupPolicyError> errors, EffectiveRule rule, string path)
    {
        Require(errors, rule.ScheduleExpression, path, "schedule_expression");
        Require(errors, rule.TargetBackupVaultName, path, "target_backup_vault_name");
        ValidateLifecycle(errors, rule.Lifecycle, PolicyPath.Append(path, "lifecycle"));
        foreach (var copy in rule.CopyActions)
        {
            ValidateLifecycle(errors, copy.Lifecycle, PolicyPath.Append(PolicyPath.Append(PolicyPath.Append(path, "copy_actions"), copy.Key), "lifecycle"));
        }

        ValidateTags(errors, rule.RecoveryPointTags, PolicyPath.Append(path, "recovery_point_tags"));
        foreach (var scan in rule.ScanActions)
        {
            Require(errors, scan.ScanMode, PolicyPath.Append(PolicyPath.Append(path, "scan_actions"), scan.Scanner), "scan_mode");
        }
    }

    private static void ValidateLifecycle(List<BackupPolicyError> errors, EffectiveLifecycle? lifecycle, string path)
    {
        if (lifecycle?.MoveToColdStorageAfterDays is not { } cold || lifecycle.DeleteAfterDays is not { } delete)
        {
            return;
        }

        var coldDays = long.Parse(cold.Value, CultureInfo.InvariantCulture);
        var deleteDays = long.Parse(delete.Value, CultureInfo.InvariantCulture);
        if (deleteDays < coldDays + 90)
        {
            errors.Add(new BackupPolicyError(
                PolicyPath.Append(path, "delete_after_days"),
                $"{PolicyPath.Append(path, "delete_after_days")}: must be at least 90 days greater than move_to_cold_storage_after_days ({coldDays}), is {deleteDays}"));
        }
    }

    private static void ValidateSelections(List<BackupPolicyError> errors, EffectivePlan plan, string path)
    {
        RequireAny(errors, plan.TagSelections.Count + plan.ResourceSelections.Count, path, "at least one tags or resources selection");
        foreach (var selection in plan.TagSelections)
        {
            var selectionPath = PolicyPath.Append(PolicyPath.Append(path, "tags"), selection.Name);
            Require(errors, selection.IamRoleArn, selectionPath, "iam_role_arn");
            Require(errors, selection.TagKey, selectionPath, "tag_key");
            RequireAny(errors, selection.TagValues.Count, PolicyPath.Append(selectionPath, "tag_value"), "at least one value");
            ValidateConditions(errors, selection.Conditions, PolicyPath.Append(selectionPath, "conditions"));
        }

        foreach (var selection in plan.ResourceSelections)
        {
            var selectionPath = PolicyPath.Append(PolicyPath.Append(path, "resources"), selection.Name);
            Require(errors, selection.IamRoleArn, selectionPath, "iam_role_arn");
            RequireAny(errors, selection.ResourceTypes.Count, PolicyPath.Append(selectionPath, "resource_types"), "at least one resource type");
            ValidateConditions(errors, selection.Conditions, PolicyPath.Append(selectionPath, "conditions"));
            if (plan.TagSelections.Any(t => string.Equals(t.Name, selection.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new BackupPolicyError(selectionPath, $"{path}: selection name \"{selection.Name}\" is used under both tags and resources"));
            }
        }
    }

    private static void ValidateConditions(List<BackupPolicyError> errors, EffectiveConditions? conditions, string path)
    {
        if (conditions is null)
        {
            return;
        }

        var all = new[]
        {
            ("string_equals", conditions.StringEquals),
            ("string_not_equals", conditions.StringNotEquals),
            ("string_like", conditions.StringLike),
            ("string_not_like", conditions.StringNotLike),
        };
        foreach (var (op, list) in all)
        {
            foreach (var condition in list)
            {
                var conditionPath = PolicyPath.Append(PolicyPath.Append(path, op), condition.Name);
                Require(errors, condition.ConditionKey, conditionPath, "condition_key");
                Require(errors, condition.ConditionValue, conditionPath, "condition_value");
            }
        }
    }

    private static void ValidateTags(List<BackupPolicyError> errors, IReadOnlyList<EffectiveTag> tags, string path)
    {
        foreach (var tag in tags)
        {
            Require(errors, tag.TagKey, PolicyPath.Append(path, tag.Id), "tag_key");
            Require(errors, tag.TagValue, PolicyPath.Append(path, tag.Id), "tag_value");
        }
    }

    private static void Require(List<BackupPolicyError> errors, SourcedValue? value, string parent, string key)
    {
        if (value is null)
        {
            var path = PolicyPath.Append(parent, key);
            errors.Add(new BackupPolicyError(path, $"{path}: {Required}"));
        }
    }

    private static void RequireAny(List<BackupPolicyError> errors, int count, string path, string what)
    {
        if (count == 0)
        {
            errors.Add(new BackupPolicyError(path, $"{path}: {what} is {Required}"));
        }
    }
}
