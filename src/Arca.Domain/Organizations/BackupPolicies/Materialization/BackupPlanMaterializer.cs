using System.Globalization;

namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>
/// Turns an effective plan into the organization-managed backup plan of one member account in
/// one Region (reference §4.5). Pure and thread-safe. Rules: docs/design/backup-policy-inheritance.md §5.
/// </summary>
public static class BackupPlanMaterializer
{
    /// <summary>
    /// The plan as it runs in <paramref name="accountId"/> and <paramref name="region"/>, or
    /// <see langword="null"/> when <paramref name="region"/> is not in the plan's <c>regions</c>.
    /// <c>$account</c> and <c>$region</c> are substituted in ARN-valued elements only; a copy
    /// action without <c>target_backup_vault_arn</c> uses its lower-cased key, as AWS does.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The plan is incomplete (<see cref="EffectivePlanValidator.Validate"/> reports problems),
    /// or an id is empty.
    /// </exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MaterializedBackupPlan? Materialize(EffectivePlan plan, string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var problems = EffectivePlanValidator.Validate(plan);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Plan \"{plan.Name}\" cannot be materialized: {string.Join("; ", problems)}", nameof(plan));
        }

        if (!plan.Regions.Any(r => string.Equals(r.Value, region, StringComparison.Ordinal)))
        {
            return null;
        }

        string Arn(string value) => value
            .Replace("$account", accountId, StringComparison.Ordinal)
            .Replace("$region", region, StringComparison.Ordinal);

        return new MaterializedBackupPlan(
            plan.Name,
            plan.Rules.Select(rule => Rule(rule, Arn)).ToArray(),
            AdvancedSettings(plan.AdvancedBackupSettings),
            plan.ScanSettings.Select(s => new MaterializedScanSetting(s.Scanner, Values(s.ResourceTypes), Arn(s.ScannerRoleArn!.Value))).ToArray(),
            [.. plan.TagSelections.Select(s => TagSelection(s, Arn)), .. plan.ResourceSelections.Select(s => ResourceSelection(s, Arn))],
            Tags(plan.BackupPlanTags));
    }

    private static MaterializedBackupRule Rule(EffectiveRule rule, Func<string, string> arn) => new(
        rule.Name,
        rule.TargetBackupVaultName!.Value,
        rule.ScheduleExpression!.Value,
        rule.ScheduleExpressionTimezone?.Value,
        Number(rule.StartBackupWindowMinutes),
        Number(rule.CompleteBackupWindowMinutes),
        Lifecycle(rule.Lifecycle),
        Tags(rule.RecoveryPointTags),
        rule.CopyActions
            .Select(c => new MaterializedCopyAction(arn(c.TargetBackupVaultArn?.Value ?? c.Key.ToLowerInvariant()), Lifecycle(c.Lifecycle)))
            .ToArray(),
        Flag(rule.EnableContinuousBackup),
        rule.TargetLogicallyAirGappedBackupVaultArn is { } lag ? arn(lag.Value) : null,
        rule.IndexResourceTypes.Count == 0 ? [] : [new MaterializedIndexAction(Values(rule.IndexResourceTypes))],
        rule.ScanActions.Select(s => new MaterializedScanAction(s.Scanner, s.ScanMode!.Value)).ToArray());

    private static MaterializedBackupSelection TagSelection(EffectiveTagSelection selection, Func<string, string> arn) => new(
        selection.Name,
        arn(selection.IamRoleArn!.Value),
        [],
        [],
        selection.TagValues.Select(v => new MaterializedCondition("STRINGEQUALS", selection.TagKey!.Value, v.Value)).ToArray(),
        Conditions(selection.Conditions));

    private static MaterializedBackupSelection ResourceSelection(EffectiveResourceSelection selection, Func<string, string> arn) => new(
        selection.Name,
        arn(selection.IamRoleArn!.Value),
        Values(selection.ResourceTypes),
        Values(selection.NotResourceTypes),
        [],
        Conditions(selection.Conditions));

    private static MaterializedConditions? Conditions(EffectiveConditions? conditions)
    {
        if (conditions is null)
        {
            return null;
        }

        static MaterializedConditionParameter[] Map(IReadOnlyList<EffectiveCondition> list) =>
            list.Select(static c => new MaterializedConditionParameter(c.ConditionKey!.Value, c.ConditionValue!.Value)).ToArray();

        return new MaterializedConditions(
            Map(conditions.StringEquals), Map(conditions.StringNotEquals), Map(conditions.StringLike), Map(conditions.StringNotLike));
    }

    private static MaterializedAdvancedBackupSetting[] AdvancedSettings(EffectiveAdvancedBackupSettings? settings)
    {
        var result = new List<MaterializedAdvancedBackupSetting>();
        if (settings?.Ec2WindowsVss is { } vss)
        {
            result.Add(new MaterializedAdvancedBackupSetting("EC2", new Dictionary<string, string>(StringComparer.Ordinal) { ["WindowsVSS"] = vss.Value }));
        }

        var s3 = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings?.S3BackupAcls is { } acls)
        {
            s3["BackupACLs"] = acls.Value;
        }

        if (settings?.S3BackupObjectTags is { } objectTags)
        {
            s3["BackupObjectTags"] = objectTags.Value;
        }

        if (s3.Count > 0)
        {
            result.Add(new MaterializedAdvancedBackupSetting("S3", s3));
        }

        return [.. result];
    }

    private static MaterializedLifecycle? Lifecycle(EffectiveLifecycle? lifecycle) => lifecycle is null
        ? null
        : new MaterializedLifecycle(
            Number(lifecycle.MoveToColdStorageAfterDays),
            Number(lifecycle.DeleteAfterDays),
            Flag(lifecycle.OptInToArchiveForSupportedResources));

    private static Dictionary<string, string> Tags(IReadOnlyList<EffectiveTag> tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result.TryAdd(tag.TagKey!.Value, tag.TagValue!.Value);
        }

        return result;
    }

    private static string[] Values(IReadOnlyList<SourcedValue> values) => values.Select(static v => v.Value).ToArray();

    private static long? Number(SourcedValue? value) =>
        value is null ? null : long.Parse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool? Flag(SourcedValue? value) => value is null ? null : value.Value == "true";
}
