using Arca.Control.Backup;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>What an organization-managed plan needs and does not find: reported on the plan, cleared once created.</summary>
public sealed class OrganizationPlanFindingsTests : IAsyncLifetime
{
    private readonly OrganizationPlanFixture _f = new();
    private OrganizationPlanFixture.Tutorial _t = null!;

    public async Task InitializeAsync()
    {
        _t = await _f.TutorialAsync();
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
    }

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Missing_target_vault_copy_destination_and_role_are_reported_on_the_plan()
    {
        await _f.Materializer.DrainPendingAsync();

        BackupPlanDetails plan = await _f.Plans.GetAsync(_t.SourceRoot, Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).BackupPlanId);
        Assert.Equal(
            [
                new OrganizationPlanFinding(OrganizationPlanFindingKind.TargetVaultMissing,
                    $"Rule cabrule: the target backup vault cabvault does not exist in account {_t.Source} and region us-east-1; create it there"),
                new OrganizationPlanFinding(OrganizationPlanFindingKind.CopyDestinationMissing,
                    $"Rule cabrule: the copy destination vault cabvault does not exist in account {_t.Destination} and region eu-west-1; create it there"),
                new OrganizationPlanFinding(OrganizationPlanFindingKind.RoleMissing,
                    $"Selection cabresources: the IAM role cabrole does not exist in account {_t.Source}; create it there, trusting backup.amazonaws.com"),
            ],
            plan.OrganizationFindings);
    }

    [Fact]
    public async Task Findings_clear_at_the_next_sweep_once_the_vaults_and_role_exist()
    {
        await _f.Materializer.DrainPendingAsync();
        await _f.AddVaultAsync(_t.Source, "us-east-1");
        await _f.AddVaultAsync(_t.Destination, "eu-west-1");
        await _f.AddRoleAsync(_t.SourceRoot);

        _f.Org.Time.Advance(TimeSpan.FromMinutes(5));
        int changed = await _f.Materializer.RefreshFindingsAsync();

        Assert.Equal(2, changed);
        BackupPlanDetails east = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Empty((await _f.Plans.GetAsync(_t.SourceRoot, east.BackupPlanId)).OrganizationFindings);
        BackupPlanDetails west = await _f.Plans.GetAsync(_t.SourceRoot with { Region = "eu-west-1" }, east.BackupPlanId);
        OrganizationPlanFinding left = Assert.Single(west.OrganizationFindings);
        Assert.Equal(OrganizationPlanFindingKind.TargetVaultMissing, left.Kind);
        Assert.Contains("region eu-west-1", left.Detail, StringComparison.Ordinal);
        Assert.Equal(east.VersionId, (await _f.Plans.GetAsync(_t.SourceRoot, east.BackupPlanId)).VersionId);
    }

    [Fact]
    public async Task A_materialization_checks_again_so_a_policy_change_sees_the_vaults_as_they_are()
    {
        await _f.AddVaultAsync(_t.Source, "us-east-1");
        await _f.AddVaultAsync(_t.Destination, "eu-west-1");
        await _f.AddRoleAsync(_t.SourceRoot);

        await _f.Materializer.DrainPendingAsync();

        BackupPlanDetails east = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1"));
        Assert.Empty((await _f.Plans.GetAsync(_t.SourceRoot, east.BackupPlanId)).OrganizationFindings);
    }

    [Fact]
    public async Task A_role_of_another_account_or_path_and_a_copy_to_a_region_not_served_are_findings()
    {
        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination, regions: "\"us-east-1\"")
                .Replace("arn:aws:iam::$account:role/cabrole", $"arn:aws:iam::{_t.Destination}:role/cabrole", StringComparison.Ordinal)
                .Replace("backup:eu-west-1:", "backup:ap-south-1:", StringComparison.Ordinal),
        });
        await _f.AddVaultAsync(_t.Source, "us-east-1");
        await _f.Materializer.DrainPendingAsync();

        IReadOnlyList<OrganizationPlanFinding> findings = (await _f.Plans.GetAsync(
            _t.SourceRoot, Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).BackupPlanId)).OrganizationFindings;

        Assert.Equal([OrganizationPlanFindingKind.RegionNotServed, OrganizationPlanFindingKind.RoleMissing], findings.Select(f => f.Kind));
        Assert.Contains("region ap-south-1, which this Arca does not serve (it serves us-east-1, eu-west-1)", findings[0].Detail, StringComparison.Ordinal);
        Assert.Contains($"belongs to account {_t.Destination}", findings[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_accounts_opt_in_governs_organization_managed_plans_and_the_accounts_own_its_own_plans()
    {
        await _f.Materializer.DrainPendingAsync();
        await _f.Settings.UpdateAsync(_t.Management, new Dictionary<string, bool> { ["Directory"] = false }, null);
        await _f.AddVaultAsync(_t.Source, "us-east-1", "own");
        BackupPlanDetails own = await _f.Plans.CreateAsync(_t.SourceRoot, new CreateBackupPlanRequest(BackupFixture.Plan("own", BackupFixture.Rule("r", "own")), null, null));
        string orgPlan = Assert.Single(await _f.OrgPlansAsync(_t.SourceRoot, "us-east-1")).BackupPlanId;

        RegionSettings forOrgPlan = await _f.OptIn.ForPlanAsync(_t.Source, "us-east-1", orgPlan);
        RegionSettings forOwnPlan = await _f.OptIn.ForPlanAsync(_t.Source, "us-east-1", own.BackupPlanId);

        Assert.False(forOrgPlan.IsOptedIn("Directory"));
        Assert.True(forOwnPlan.IsOptedIn("Directory"));
        Assert.True((await _f.OptIn.ForPlanAsync(_t.Source, "eu-west-1", orgPlan)).IsOptedIn("Directory"));
    }

    [Fact]
    public async Task The_member_reads_its_organization_managed_plans_but_cannot_change_them()
    {
        await _f.AddVaultAsync(_t.Source, "us-east-1");
        await _f.Materializer.DrainPendingAsync();
        CallerIdentity member = _t.SourceRoot;
        BackupPlanDetails plan = Assert.Single(await _f.OrgPlansAsync(member, "us-east-1"));
        string selection = Assert.Single((await _f.Selections.ListAsync(member, plan.BackupPlanId)).Items).SelectionId;
        string refused = $"Backup plan cabplan ({plan.BackupPlanId}) is managed by AWS Organizations and cannot be changed";

        await BackupFixture.Throws(() => _f.Plans.UpdateAsync(member, plan.BackupPlanId, BackupFixture.Plan()), "InvalidRequestException", refused);
        await BackupFixture.Throws(() => _f.Plans.DeleteAsync(member, plan.BackupPlanId), "InvalidRequestException", refused);
        await BackupFixture.Throws(() => _f.Selections.DeleteAsync(member, plan.BackupPlanId, selection), "InvalidRequestException", refused);
        await BackupFixture.Throws(() => _f.Tags.TagResourceAsync(member, plan.BackupPlanArn, new Dictionary<string, string> { ["k"] = "v" }), "InvalidRequestException", refused);
        Assert.Single((await _f.Plans.ListVersionsAsync(member, plan.BackupPlanId)).Items);
    }
}
