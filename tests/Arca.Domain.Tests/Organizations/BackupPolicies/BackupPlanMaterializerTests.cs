using Arca.Domain.Organizations.BackupPolicies;
using Arca.Domain.Organizations.BackupPolicies.Materialization;

using static Arca.Domain.Tests.Organizations.BackupPolicies.Policies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

public sealed class BackupPlanMaterializerTests
{
    [Fact]
    public void A_region_outside_the_plan_gives_no_plan()
    {
        Assert.Null(BackupPlanMaterializer.Materialize(Plan(CompletePlan), "111111111111", "eu-west-1"));
    }

    [Fact]
    public void The_account_placeholder_is_substituted_only_in_arn_elements()
    {
        var policy = CompletePlan.Replace(
            "\"target_backup_vault_name\": {\"@@assign\": \"vault\"}",
            """ "target_backup_vault_name": {"@@assign": "vault"}, "recovery_point_tags": {"note": {"tag_key": {"@@assign": "note"}, "tag_value": {"@@assign": "$account stays"}}}""",
            StringComparison.Ordinal);

        var materialized = BackupPlanMaterializer.Materialize(Plan(policy), "111111111111", "us-east-1")!;

        Assert.Equal("arn:aws:iam::111111111111:role/BackupRole", Assert.Single(materialized.Selections).IamRoleArn);
        Assert.Equal("$account stays", Assert.Single(materialized.Rules).RecoveryPointTags["note"]);
    }

    [Fact]
    public void A_copy_action_without_a_target_arn_uses_the_lower_cased_key()
    {
        var policy = CompletePlan.Replace(
            "\"target_backup_vault_name\": {\"@@assign\": \"vault\"}",
            """ "target_backup_vault_name": {"@@assign": "vault"}, "copy_actions": {"arn:aws:backup:us-west-2:$account:backup-vault:DR": {}}""",
            StringComparison.Ordinal);

        var materialized = BackupPlanMaterializer.Materialize(Plan(policy), "111111111111", "us-east-1")!;

        Assert.Equal("arn:aws:backup:us-west-2:111111111111:backup-vault:dr", Assert.Single(Assert.Single(materialized.Rules).CopyActions).DestinationBackupVaultArn);
    }

    [Fact]
    public void Omitted_optional_values_stay_omitted()
    {
        var rule = Assert.Single(BackupPlanMaterializer.Materialize(Plan(CompletePlan), "111111111111", "us-east-1")!.Rules);

        Assert.Equal((null, null, null, null, null), (rule.StartWindowMinutes, rule.CompletionWindowMinutes, rule.Lifecycle, rule.EnableContinuousBackup, rule.ScheduleExpressionTimezone));
    }

    [Fact]
    public void An_incomplete_plan_cannot_be_materialized()
    {
        var plan = Plan("""{"plans": {"p": {"regions": {"@@assign": ["us-east-1"]}}}}""");

        var ex = Assert.Throws<ArgumentException>(() => BackupPlanMaterializer.Materialize(plan, "111111111111", "us-east-1"));

        Assert.Contains("plans.p.rules: at least one rule is required to materialize the plan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_account_id_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BackupPlanMaterializer.Materialize(Plan(CompletePlan), "", "us-east-1"));
    }

    private static EffectivePlan Plan(string policy) => Assert.Single(Compute(Level("r-root", Attach("p-root", policy))).Plans);
}
