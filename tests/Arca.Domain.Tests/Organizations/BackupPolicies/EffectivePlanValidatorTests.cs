using Arca.Domain.Organizations.BackupPolicies;

using static Arca.Domain.Tests.Organizations.BackupPolicies.Policies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

public sealed class EffectivePlanValidatorTests
{
    [Fact]
    public void A_complete_plan_has_no_problems()
    {
        var plan = Assert.Single(Compute(Level("r-root", Attach("p-root", CompletePlan))).Plans);

        Assert.Empty(EffectivePlanValidator.Validate(plan));
    }

    [Fact]
    public void An_incomplete_plan_reports_every_missing_element()
    {
        var plan = Single("""
            {"plans": {"p": {
              "rules": {"r": {"lifecycle": {"delete_after_days": {"@@assign": "7"}}}},
              "selections": {
                "tags": {"t": {"tag_key": {"@@assign": "backup"}}},
                "resources": {"x": {"conditions": {"string_like": {"c": {"condition_key": {"@@assign": "aws:ResourceTag/a"}}}}}}},
              "backup_plan_tags": {"owner": {"tag_key": {"@@assign": "Owner"}}}}}}
            """);

        Assert.Equal(
        [
            "plans.p.regions: at least one Region is required to materialize the plan",
            "plans.p.rules.r.schedule_expression: required to materialize the plan",
            "plans.p.rules.r.target_backup_vault_name: required to materialize the plan",
            "plans.p.selections.tags.t.iam_role_arn: required to materialize the plan",
            "plans.p.selections.tags.t.tag_value: at least one value is required to materialize the plan",
            "plans.p.selections.resources.x.iam_role_arn: required to materialize the plan",
            "plans.p.selections.resources.x.resource_types: at least one resource type is required to materialize the plan",
            "plans.p.selections.resources.x.conditions.string_like.c.condition_value: required to materialize the plan",
            "plans.p.backup_plan_tags.owner.tag_value: required to materialize the plan",
        ],
            EffectivePlanValidator.Validate(plan).Select(static e => e.Message));
    }

    [Fact]
    public void A_plan_without_rules_or_selections_reports_both()
    {
        var plan = Single("""{"plans": {"p": {"regions": {"@@assign": ["us-east-1"]}}}}""");

        Assert.Equal(
        [
            "plans.p.rules: at least one rule is required to materialize the plan",
            "plans.p.selections: at least one tags or resources selection is required to materialize the plan",
        ],
            EffectivePlanValidator.Validate(plan).Select(static e => e.Message));
    }

    [Fact]
    public void Deleting_less_than_90_days_after_cold_storage_is_reported_even_when_the_values_come_from_different_policies()
    {
        var effective = RootThenAccount(
            CompletePlan,
            """{"plans": {"p": {"rules": {"r": {"lifecycle": {"move_to_cold_storage_after_days": {"@@assign": "30"}, "delete_after_days": {"@@assign": "100"}}}}}}}""");

        var error = Assert.Single(EffectivePlanValidator.Validate(Assert.Single(effective.Plans)));

        Assert.Equal("plans.p.rules.r.lifecycle.delete_after_days: must be at least 90 days greater than move_to_cold_storage_after_days (30), is 100", error.Message);
    }

    [Fact]
    public void A_selection_name_used_under_both_tags_and_resources_is_reported()
    {
        var plan = Single(CompletePlan.Replace(
            "\"selections\": {",
            """ "selections": {"resources": {"S": {"iam_role_arn": {"@@assign": "arn:aws:iam::$account:role/R"}, "resource_types": {"@@assign": ["*"]}}},""",
            StringComparison.Ordinal));

        var error = Assert.Single(EffectivePlanValidator.Validate(plan));

        Assert.Equal("plans.p.selections: selection name \"S\" is used under both tags and resources", error.Message);
    }

    private static EffectivePlan Single(string policy) => Assert.Single(Compute(Level("r-root", Attach("p-root", policy))).Plans);
}
