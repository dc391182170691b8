using Arca.Control.Backup.Internal;
using Arca.Control.Errors;
using Arca.Domain.Organizations.BackupPolicies;
using Arca.Domain.Organizations.BackupPolicies.Materialization;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// Turns one effective plan into the backup plan and selections of one member account and region (reference §4.5):
/// <see cref="EffectivePlanValidator"/>, then <see cref="BackupPlanMaterializer"/> (<c>$account</c>/<c>$region</c> substituted),
/// then the Backup API's own rules (<see cref="BackupPlanValidator"/>, <see cref="BackupSelectionValidator"/>, tag rules), so an
/// organization-managed plan is never something CreateBackupPlan would refuse. Defaults are filled as CreateBackupPlan fills
/// them; rule and selection ids are name-based. Pure.
/// </summary>
/// <remarks>
/// The Backup API of Arca has no logically air-gapped vaults, index actions or malware scans: <c>target_logically_air_gapped_backup_vault_arn</c>,
/// <c>index_actions</c>, <c>scan_actions</c> and <c>scan_settings</c> are not carried into the plan.
/// </remarks>
internal static class OrganizationPlanBuilder
{
    /// <summary>Why <paramref name="plan"/> cannot be materialized anywhere; empty when it can (region by region, <see cref="Build"/> decides).</summary>
    public static IReadOnlyList<string> ProblemsOf(EffectivePlan plan) => [.. EffectivePlanValidator.Validate(plan).Select(e => e.Message)];

    /// <summary>The plan for <paramref name="accountId"/> in <paramref name="region"/> (a region the plan lists), or its problems.</summary>
    public static PlanBuild Build(string organizationId, EffectivePlan plan, string accountId, string region)
    {
        IReadOnlyList<string> problems = ProblemsOf(plan);
        if (problems.Count > 0)
        {
            return new PlanBuild(null, problems);
        }

        MaterializedBackupPlan materialized = BackupPlanMaterializer.Materialize(plan, accountId, region)
            ?? throw new ArgumentException($"plan {plan.Name} does not list region {region}", nameof(region));
        string planId = OrganizationPlanIds.Plan(organizationId, plan.Name);
        var input = new BackupPlanInput
        {
            BackupPlanName = materialized.BackupPlanName,
            Rules = [.. materialized.Rules.Select(Rule)],
            AdvancedBackupSettings = materialized.AdvancedBackupSettings.Count == 0
                ? null
                : [.. materialized.AdvancedBackupSettings.Select(a => new AdvancedBackupSetting(a.ResourceType, a.BackupOptions))],
        };
        string where = $"plans.{plan.Name} as a backup plan of account {accountId} in {region}";
        List<string> invalid = [.. BackupPlanValidator.ValidateAll(input).Select(e => $"{where}: {e.Message}")];
        List<DesiredSelection> selections = [];
        foreach (MaterializedBackupSelection selection in materialized.Selections)
        {
            BackupSelection backup = Selection(selection);
            invalid.AddRange(BackupSelectionValidator.ValidateAll(backup).Select(e => $"{where}: selection {selection.SelectionName}: {e.Message}"));
            selections.Add(new DesiredSelection(OrganizationPlanIds.Selection(planId, selection.SelectionName), backup));
        }

        IReadOnlyDictionary<string, string> tags = Tags(materialized.BackupPlanTags, where, invalid);
        if (invalid.Count > 0)
        {
            return new PlanBuild(null, invalid);
        }

        BackupPlanInput withIds = input with { Rules = [.. input.Rules!.Select(r => r with { RuleId = OrganizationPlanIds.Rule(planId, r.RuleName!) })] };
        BackupPlanInput complete = BackupPlanDefaults.WithDefaults(withIds, () => throw new InvalidOperationException("every rule has an id"));
        return new PlanBuild(new DesiredPlan(planId, plan.Name, complete, tags, selections), []);
    }

    private static BackupRuleInput Rule(MaterializedBackupRule rule) => new()
    {
        RuleName = rule.RuleName,
        TargetBackupVaultName = rule.TargetBackupVaultName,
        ScheduleExpression = rule.ScheduleExpression,
        ScheduleExpressionTimezone = rule.ScheduleExpressionTimezone,
        StartWindowMinutes = rule.StartWindowMinutes,
        CompletionWindowMinutes = rule.CompletionWindowMinutes,
        Lifecycle = Lifecycle(rule.Lifecycle),
        RecoveryPointTags = rule.RecoveryPointTags.Count == 0 ? null : new Dictionary<string, string>(rule.RecoveryPointTags, StringComparer.Ordinal),
        CopyActions = rule.CopyActions.Count == 0 ? null : [.. rule.CopyActions.Select(c => new CopyAction(c.DestinationBackupVaultArn, Lifecycle(c.Lifecycle)))],
        EnableContinuousBackup = rule.EnableContinuousBackup,
    };

    private static Lifecycle? Lifecycle(MaterializedLifecycle? lifecycle) => lifecycle is null
        ? null
        : new Lifecycle(lifecycle.MoveToColdStorageAfterDays, lifecycle.DeleteAfterDays, lifecycle.OptInToArchiveForSupportedResources);

    private static BackupSelection Selection(MaterializedBackupSelection selection) => new()
    {
        SelectionName = selection.SelectionName,
        IamRoleArn = selection.IamRoleArn,
        Resources = selection.Resources.Count == 0 ? null : selection.Resources,
        NotResources = selection.NotResources.Count == 0 ? null : selection.NotResources,
        ListOfTags = selection.ListOfTags.Count == 0
            ? null
            : [.. selection.ListOfTags.Select(t => new TagCondition(t.ConditionType, t.ConditionKey, t.ConditionValue))],
        Conditions = selection.Conditions is not { } c ? null : new SelectionConditions
        {
            StringEquals = Parameters(c.StringEquals),
            StringNotEquals = Parameters(c.StringNotEquals),
            StringLike = Parameters(c.StringLike),
            StringNotLike = Parameters(c.StringNotLike),
        },
    };

    private static ConditionParameter[]? Parameters(IReadOnlyList<MaterializedConditionParameter> parameters) =>
        parameters.Count == 0 ? null : [.. parameters.Select(p => new ConditionParameter(p.ConditionKey, p.ConditionValue))];

    private static IReadOnlyDictionary<string, string> Tags(IReadOnlyDictionary<string, string> tags, string where, List<string> invalid)
    {
        try
        {
            return TagRules.Validate(tags, "backup_plan_tags");
        }
        catch (AwsServiceException e)
        {
            invalid.Add($"{where}: {e.Message}");
            return tags;
        }
    }
}
