using Arca.Domain.Organizations.BackupPolicies;

using static Arca.Domain.Tests.Organizations.BackupPolicies.Policies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

public sealed class InheritanceTests
{
    [Fact]
    public void Append_adds_to_inherited_regions()
    {
        var effective = RootThenAccount(CompletePlan, """{"plans": {"p": {"regions": {"@@append": ["eu-west-1"]}}}}""");

        var regions = Assert.Single(effective.Plans).Regions;
        Assert.Equal(["us-east-1", "eu-west-1"], regions.Select(static r => r.Value));
        Assert.Equal(["p-root", "p-account"], regions.Select(static r => r.Source.PolicyId));
    }

    [Fact]
    public void Assign_overwrites_the_inherited_value_and_takes_over_its_provenance()
    {
        var effective = RootThenAccount(CompletePlan, """{"plans": {"p": {"rules": {"r": {"target_backup_vault_name": {"@@assign": "mine"}}}}}}""");

        var vault = Assert.Single(Assert.Single(effective.Plans).Rules).TargetBackupVaultName;
        Assert.Equal(new SourcedValue("mine", new PolicySource("p-account", "p-account-name", "111111111111")), vault);
    }

    [Fact]
    public void Remove_of_a_value_that_is_not_inherited_changes_nothing()
    {
        var effective = RootThenAccount(CompletePlan, """{"plans": {"p": {"regions": {"@@remove": ["eu-west-1"]}}}}""");

        Assert.Equal(["us-east-1"], Assert.Single(effective.Plans).Regions.Select(static r => r.Value));
        Assert.Empty(effective.Diagnostics);
    }

    [Fact]
    public void A_child_control_does_not_restrict_other_policies_at_its_own_level()
    {
        var effective = Compute(Level(
            "r-root",
            Attach("p-lock", """{"plans": {"p": {"regions": {"@@operators_allowed_for_child_policies": ["@@none"]}}}}"""),
            Attach("p-plan", CompletePlan)));

        Assert.Equal(["us-east-1"], Assert.Single(effective.Plans).Regions.Select(static r => r.Value));
        Assert.Empty(effective.Diagnostics);
    }

    [Fact]
    public void A_child_control_set_by_a_policy_with_no_value_still_binds_lower_levels()
    {
        var effective = Compute(
            Level("r-root", Attach("p-plan", CompletePlan), Attach("p-lock", """{"plans": {"p": {"regions": {"@@operators_allowed_for_child_policies": ["@@none"]}}}}""")),
            Level("111111111111", Attach("p-account", """{"plans": {"p": {"regions": {"@@append": ["eu-west-1"]}}}}""")));

        Assert.Equal(["us-east-1"], Assert.Single(effective.Plans).Regions.Select(static r => r.Value));
        var diagnostic = Assert.Single(effective.Diagnostics);
        Assert.Equal(PolicyDiagnosticKind.OperatorNotAllowed, diagnostic.Kind);
        Assert.Contains("set by policy p-lock (p-lock-name) attached to r-root", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_keys_match_case_insensitively_and_keep_the_first_spelling()
    {
        var effective = RootThenAccount(
            CompletePlan.Replace("\"r\": {", "\"Daily\": {", StringComparison.Ordinal),
            """{"plans": {"P": {"rules": {"DAILY": {"lifecycle": {"delete_after_days": {"@@assign": "7"}}}}}}}""");

        var plan = Assert.Single(effective.Plans);
        var rule = Assert.Single(plan.Rules);
        Assert.Equal(("p", "Daily", "7"), (plan.Name, rule.Name, rule.Lifecycle?.DeleteAfterDays?.Value));
    }

    [Fact]
    public void Schema_keys_are_case_insensitive_and_come_out_in_canonical_spelling()
    {
        var effective = Compute(Level("r-root", Attach("p-root", """
            {"Plans": {"p": {"Regions": {"@@ASSIGN": ["us-east-1"]},
              "advanced_backup_settings": {"EC2": {"windowsvss": {"@@assign": "enabled"}}}}}}
            """)));

        Assert.Equal(
            """{"plans":{"p":{"regions":["us-east-1"],"advanced_backup_settings":{"ec2":{"windows_vss":"enabled"}}}}}""",
            effective.ToJson());
    }

    [Fact]
    public void An_empty_path_gives_an_empty_effective_policy()
    {
        var effective = Compute();

        Assert.True(effective.IsEmpty);
        Assert.Equal("{}", effective.ToJson());
        Assert.Empty(effective.Plans);
        Assert.Empty(effective.Provenance);
    }

    [Fact]
    public void Policies_that_only_set_child_controls_contribute_no_values()
    {
        var effective = Compute(Level("r-root", Attach("p-lock", """{"plans": {"@@operators_allowed_for_child_policies": ["@@none"]}}""")));

        Assert.True(effective.IsEmpty);
        Assert.Equal("{}", effective.ToJson());
    }

    [Fact]
    public void A_new_plan_added_under_an_append_only_plans_map_is_itself_unrestricted_below()
    {
        var effective = Compute(
            Level("r-root", Attach("p-root", """{"plans": {"@@operators_allowed_for_child_policies": ["@@append"]}}""")),
            Level("ou-1", Attach("p-ou", CompletePlan)),
            Level("111111111111", Attach("p-account", """{"plans": {"p": {"rules": {"r": {"target_backup_vault_name": {"@@assign": "mine"}}}}}}""")));

        Assert.Equal("mine", Assert.Single(Assert.Single(effective.Plans).Rules).TargetBackupVaultName?.Value);
        Assert.Empty(effective.Diagnostics);
    }

    [Fact]
    public void Indented_json_holds_the_same_document()
    {
        var effective = Compute(Level("r-root", Attach("p-root", CompletePlan)));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(effective.ToJson()),
            System.Text.Json.Nodes.JsonNode.Parse(effective.ToJson(indented: true))));
        Assert.Contains('\n', effective.ToJson(indented: true));
    }
}
