using Arca.Control.Backup;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>Effective backup policies become organization-managed plans in every member account and served region (reference §4.5).</summary>
public sealed class OrganizationPlanMaterializerTests : IAsyncLifetime
{
    private readonly OrganizationPlanFixture _f = new();
    private OrganizationPlanFixture.Tutorial _t = null!;

    public async Task InitializeAsync() => _t = await _f.TutorialAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Attaching_cabpolicy_gives_the_source_account_cabplan_in_each_served_region_with_the_policys_content()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        MaterializationPass pass = await _f.Materializer.DrainPendingAsync();

        AccountMaterialization result = Assert.Single(pass.Accounts);
        Assert.Equal((_t.Source, _t.OrganizationId, 2, 0, 0), (result.AccountId, result.OrganizationId, result.Created, result.Versioned, result.Deleted));
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            BackupPlanDetails listed = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, region));
            Assert.StartsWith("orgs/", listed.BackupPlanId, StringComparison.Ordinal);
            Assert.Equal($"arn:aws:backup:{region}:{_t.Source}:backup-plan:{listed.BackupPlanId}", listed.BackupPlanArn);
            BackupPlanDetails plan = await _f.Plans.GetAsync(_t.SourceRoot with { Region = region }, listed.BackupPlanId);
            Assert.Equal("cabplan", plan.BackupPlan.BackupPlanName);
            Assert.Null(plan.CreatorRequestId);
            BackupRuleInput rule = Assert.Single(plan.BackupPlan.Rules!);
            Assert.Equal(("cabrule", "cabvault", OrganizationPlanFixture.Cron, "Etc/UTC", 480L, 10080L), (rule.RuleName, rule.TargetBackupVaultName,
                rule.ScheduleExpression, rule.ScheduleExpressionTimezone, rule.StartWindowMinutes, rule.CompletionWindowMinutes));
            Assert.Equal($"arn:aws:backup:eu-west-1:{_t.Destination}:backup-vault:cabvault", Assert.Single(rule.CopyActions!).DestinationBackupVaultArn);

            BackupSelectionDetails listedSelection = Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot with { Region = region }, plan.BackupPlanId)).Items);
            BackupSelection selection = (await _f.Selections.GetAsync(_t.SourceRoot with { Region = region }, plan.BackupPlanId, listedSelection.SelectionId)).BackupSelection;
            Assert.Equal(("cabresources", $"arn:aws:iam::{_t.Source}:role/cabrole"), (selection.SelectionName, selection.IamRoleArn));
            Assert.Equal(new TagCondition("STRINGEQUALS", "backup", "cab"), Assert.Single(selection.ListOfTags!));
        }

        Assert.Empty(await _f.OrgPlansAsync(_t.DestinationRoot, "us-east-1"));
        Assert.Empty(await _f.OrgPlansAsync(_t.Management, "us-east-1"));
    }

    [Fact]
    public async Task The_same_plan_has_the_same_id_in_every_account_and_region_and_the_accounts_own_role()
    {
        string ou = (await _f.Org.Units.CreateOrganizationalUnitAsync(_t.Management, _t.Root, "workloads", null)).Id;
        await _f.Org.Members.MoveAccountAsync(_t.Management, _t.Source, _t.Root, ou);
        await _f.Org.Members.MoveAccountAsync(_t.Management, _t.Destination, _t.Root, ou);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, ou);
        await _f.Materializer.DrainPendingAsync();

        BackupPlanDetails source = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        BackupPlanDetails destination = Assert.Single(await _f.OrgPlansAsync(_t.DestinationRoot, "eu-west-1"));
        Assert.Equal(source.BackupPlanId, destination.BackupPlanId);
        Assert.Equal(source.BackupPlan.Rules![0].RuleId, destination.BackupPlan.Rules![0].RuleId);
        BackupSelectionDetails selection = Assert.Single((await _f.Selections.ListAsync(_t.DestinationRoot with { Region = "eu-west-1" }, destination.BackupPlanId)).Items);
        Assert.Equal($"arn:aws:iam::{_t.Destination}:role/cabrole", selection.BackupSelection.IamRoleArn);
        Assert.Empty(await _f.OrgPlansAsync(_t.Management, "us-east-1"));
    }

    [Fact]
    public async Task Account_is_substituted_in_the_role_and_the_copy_destination()
    {
        string policy = await _f.Org.CreateBackupPolicyAsync(_t.Management, "self-copy", """
            {"plans":{"selfcopy":{"regions":{"@@assign":["us-east-1"]},
              "rules":{"r":{"target_backup_vault_name":{"@@assign":"local"},"schedule_expression":{"@@assign":"cron(0 1 ? * * *)"},
                "copy_actions":{"arn:aws:backup:eu-west-1:$account:backup-vault:dr":{}}}},
              "selections":{"resources":{"all":{"iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/service/backup"},
                "resource_types":{"@@assign":["arn:aws:arca:*:*:directory/*"]}}}}}}}
            """);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, policy, _t.Source);
        IReadOnlyList<string> problems = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts).NotMaterialized;
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        BackupPlanDetails plan = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Equal($"arn:aws:backup:eu-west-1:{_t.Source}:backup-vault:dr", plan.BackupPlan.Rules![0].CopyActions![0].DestinationBackupVaultArn);
        BackupSelection selection = Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot, plan.BackupPlanId)).Items).BackupSelection;
        Assert.Equal($"arn:aws:iam::{_t.Source}:role/service/backup", selection.IamRoleArn);
        Assert.Equal(["arn:aws:arca:*:*:directory/*"], selection.Resources);
        Assert.Null(selection.ListOfTags);
    }

    [Fact]
    public async Task Materializing_an_unchanged_policy_again_keeps_the_plan_and_its_version()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        BackupPlanDetails before = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));

        _f.Org.Time.Advance(TimeSpan.FromHours(1));
        AccountMaterialization again = await _f.NewMaterializer().MaterializeAccountAsync(_t.Source);

        Assert.Equal((0, 0, 2, 0), (again.Created, again.Versioned, again.Unchanged, again.Deleted));
        BackupPlanDetails after = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Equal((before.BackupPlanId, before.VersionId, before.CreationDate), (after.BackupPlanId, after.VersionId, after.CreationDate));
        Assert.Single((await _f.Plans.ListVersionsAsync(_t.SourceRoot, after.BackupPlanId)).Items);
    }

    [Fact]
    public async Task Updating_the_policy_gives_the_same_plan_a_new_version_and_keeps_rule_and_selection_ids()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        BackupPlanDetails before = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        string selectionBefore = Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot, before.BackupPlanId)).Items).SelectionId;

        _f.Org.Time.Advance(TimeSpan.FromHours(1));
        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination, extraRule: "\"lifecycle\":{\"delete_after_days\":{\"@@assign\":\"35\"}},"),
        });
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal((0, 2, 0), (result.Created, result.Versioned, result.Deleted));
        BackupPlanDetails after = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Equal(before.BackupPlanId, after.BackupPlanId);
        Assert.NotEqual(before.VersionId, after.VersionId);
        Assert.Equal(ControlFixture.T0.AddHours(1), after.CreationDate);
        Assert.Equal(35, after.BackupPlan.Rules![0].Lifecycle!.DeleteAfterDays);
        Assert.Equal(before.BackupPlan.Rules![0].RuleId, after.BackupPlan.Rules![0].RuleId);
        Assert.Equal([before.VersionId, after.VersionId], (await _f.Plans.ListVersionsAsync(_t.SourceRoot, after.BackupPlanId)).Items.Select(v => v.VersionId));
        Assert.Null((await _f.Plans.GetAsync(_t.SourceRoot, after.BackupPlanId, before.VersionId)).BackupPlan.Rules![0].Lifecycle);
        Assert.Equal(selectionBefore, Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot, after.BackupPlanId)).Items).SelectionId);
    }

    [Fact]
    public async Task Changing_only_a_selection_updates_it_in_place_without_a_new_plan_version()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        BackupPlanDetails before = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));

        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination).Replace("[\"cab\"]", "[\"cab\",\"daily\"]", StringComparison.Ordinal),
        });
        await _f.Materializer.DrainPendingAsync();

        BackupPlanDetails after = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Equal(before.VersionId, after.VersionId);
        BackupSelection selection = Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot, after.BackupPlanId)).Items).BackupSelection;
        Assert.Equal(["cab", "daily"], selection.ListOfTags!.Select(t => t.ConditionValue));
    }

    [Fact]
    public async Task Detaching_the_policy_soft_deletes_the_plans_and_deletes_their_selections()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        string planId = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1")).BackupPlanId;

        _f.Org.Time.Advance(TimeSpan.FromMinutes(3));
        await _f.Org.Attachments.DetachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal((null, 2), (result.OrganizationId, result.Deleted));
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, region));
            BackupPlanDetails deleted = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, region, includeDeleted: true));
            Assert.Equal(ControlFixture.T0.AddMinutes(3), deleted.DeletionDate);
            Assert.Empty((await _f.Selections.ListAsync(_t.SourceRoot with { Region = region }, planId)).Items);
        }
    }

    [Fact]
    public async Task Attaching_again_brings_back_the_same_plan_with_a_new_version()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        BackupPlanDetails first = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        await _f.Org.Attachments.DetachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();

        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal(2, result.Created);
        BackupPlanDetails back = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Equal((first.BackupPlanId, (DateTimeOffset?)null), (back.BackupPlanId, back.DeletionDate));
        Assert.NotEqual(first.VersionId, back.VersionId);
        Assert.Single((await _f.Selections.ListAsync(_t.SourceRoot, back.BackupPlanId)).Items);
    }

    [Fact]
    public async Task Moving_the_account_out_of_the_ou_the_policy_is_attached_to_deletes_its_plans()
    {
        string ou = (await _f.Org.Units.CreateOrganizationalUnitAsync(_t.Management, _t.Root, "workloads", null)).Id;
        await _f.Org.Members.MoveAccountAsync(_t.Management, _t.Source, _t.Root, ou);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, ou);
        await _f.Materializer.DrainPendingAsync();
        Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));

        await _f.Org.Members.MoveAccountAsync(_t.Management, _t.Source, ou, _t.Root);
        await _f.Materializer.DrainPendingAsync();

        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
    }

    [Fact]
    public async Task An_account_that_leaves_the_organization_loses_its_plans()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Root);
        await _f.Materializer.DrainPendingAsync();
        Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Single(await _f.OrgPlansAsync(_t.Management, "us-east-1"));

        await _f.Org.Members.RemoveAccountFromOrganizationAsync(_t.Management, _t.Source);
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal((_t.Source, 2), (result.AccountId, result.Deleted));
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Single(await _f.OrgPlansAsync(_t.DestinationRoot, "us-east-1"));
    }

    [Fact]
    public async Task Disabling_backup_policies_deletes_every_organization_managed_plan()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Root);
        await _f.Materializer.DrainPendingAsync();

        await _f.Org.PolicyTypes.DisablePolicyTypeAsync(_t.Management, _t.Root, "BACKUP_POLICY");
        await _f.Materializer.DrainPendingAsync();

        foreach (CallerIdentity account in new[] { _t.Management, _t.SourceRoot, _t.DestinationRoot })
        {
            Assert.Empty(await _f.OrgPlansAsync(account, "us-east-1"));
            Assert.Empty(await _f.OrgPlansAsync(account, "eu-west-1"));
        }
    }

    [Fact]
    public async Task Removing_a_region_from_the_policy_deletes_the_plan_in_that_region_only()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        string version = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).VersionId;

        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination, regions: "\"us-east-1\""),
        });
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal((0, 1, 1), (result.Versioned, result.Unchanged, result.Deleted));
        Assert.Equal(version, Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).VersionId);
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
    }

    [Fact]
    public async Task A_region_this_server_does_not_serve_is_reported_not_an_error()
    {
        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination, regions: "\"us-east-1\",\"ap-south-1\""),
        });
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal(1, result.Created);
        Assert.Equal("plan cabplan: region ap-south-1 is not served by this Arca", Assert.Single(result.NotMaterialized));
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
        Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
    }

    [Fact]
    public async Task An_effective_plan_the_validators_reject_is_not_materialized_and_says_why()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Materializer.DrainPendingAsync();
        string incomplete = await _f.Org.CreateBackupPolicyAsync(_t.Management, "incomplete", """
            {"plans":{"noselection":{"regions":{"@@assign":["us-east-1"]},
              "rules":{"r":{"target_backup_vault_name":{"@@assign":"v1"},"schedule_expression":{"@@assign":"cron(0 1 ? * * *)"}}}}}}
            """);
        string windows = await _f.Org.CreateBackupPolicyAsync(_t.Management, "windows", """
            {"plans":{"cabplan":{"rules":{"cabrule":{"start_backup_window_minutes":{"@@assign":"600"},"complete_backup_window_minutes":{"@@assign":"120"}}}}}}
            """);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, incomplete, _t.Source);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, windows, _t.Source);
        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Equal(2, result.Deleted);
        Assert.Contains(result.NotMaterialized, r => r.StartsWith("plan noselection in us-east-1 is not valid: plans.noselection.selections: at least one tags or resources selection is required", StringComparison.Ordinal));
        Assert.Contains(result.NotMaterialized, r => r.StartsWith("plan cabplan in us-east-1 is not valid:", StringComparison.Ordinal)
            && r.Contains("BackupPlan.Rules[0].CompletionWindowMinutes", StringComparison.Ordinal));
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
    }

    [Fact]
    public async Task A_plan_whose_time_zone_names_a_directory_of_the_database_is_reported_and_the_others_are_materialized()
    {
        // "Europe" is a directory of tzdata: the runtime refuses to read it with a SecurityException, which once stopped
        // every materializer pass of the organization.
        string europe = await _f.Org.CreateBackupPolicyAsync(_t.Management, "europe", """
            {"plans":{"tzplan":{"regions":{"@@assign":["us-east-1"]},
              "rules":{"r":{"target_backup_vault_name":{"@@assign":"v1"},"schedule_expression":{"@@assign":"cron(0 1 ? * * *)"},
                "schedule_expression_timezone":{"@@assign":"Europe"}}},
              "selections":{"tags":{"s":{"iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},
                "tag_key":{"@@assign":"backup"},"tag_value":{"@@assign":["cab"]}}}}}}}
            """);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, europe, _t.Source);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);

        AccountMaterialization result = Assert.Single((await _f.Materializer.DrainPendingAsync()).Accounts);

        Assert.Contains(result.NotMaterialized, r => r.StartsWith("plan tzplan in us-east-1 is not valid:", StringComparison.Ordinal) && r.Contains("Europe", StringComparison.Ordinal));
        Assert.Equal("cabplan", Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).BackupPlan.BackupPlanName);
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
    }

    [Fact]
    public async Task A_crash_between_writing_regions_and_completing_the_change_converges_on_the_next_pass()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        _f.EuWest1.CrashNextWrite();

        await Assert.ThrowsAsync<CrashingStore.CrashException>(() => _f.Materializer.DrainPendingAsync());

        BackupPlanDetails written = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Empty(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
        Assert.NotNull(await _f.Org.Feed.FindPendingAsync(_t.Source));

        MaterializationPass pass = await _f.NewMaterializer().DrainPendingAsync();

        Assert.Equal((1, 1, 0), (pass.Accounts[0].Created, pass.Accounts[0].Unchanged, pass.StillPending));
        Assert.Equal(written.VersionId, Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).VersionId);
        Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
    }

    [Fact]
    public async Task A_crash_after_writing_every_region_leaves_the_change_pending_and_the_next_pass_changes_nothing()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        AccountMaterialization first = await _f.Materializer.MaterializeAccountAsync(_t.Source); // written, then "crashed" before CompleteAsync
        Assert.NotNull(await _f.Org.Feed.FindPendingAsync(_t.Source));

        AccountMaterialization second = Assert.Single((await _f.NewMaterializer().DrainPendingAsync()).Accounts);

        Assert.Equal((2, 0, 2), (first.Created, second.Created, second.Unchanged));
        Assert.Single((await _f.Plans.ListVersionsAsync(_t.SourceRoot, Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).BackupPlanId)).Items);
        Assert.Null(await _f.Org.Feed.FindPendingAsync(_t.Source));
    }

    [Fact]
    public async Task Reconciling_everything_at_start_materializes_an_account_whose_change_was_completed_elsewhere()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        PendingBackupPolicyChange change = (await _f.Org.Feed.FindPendingAsync(_t.Source))!;
        Assert.True(await _f.Org.Feed.CompleteAsync(change)); // e.g. by a server that did not serve these regions

        MaterializationPass pass = await _f.NewMaterializer().ReconcileAllAsync();

        Assert.Contains(pass.Accounts, a => a.AccountId == _t.Source && a.Created == 2);
        Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "eu-west-1"));
    }
}
