using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Control.Tests.Organizations;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>Arca's account × region × plan view for the management account (<c>arca organizations backup-plan-status</c>).</summary>
public sealed class OrganizationPlanStatusServiceTests : IAsyncLifetime
{
    private readonly OrganizationPlanFixture _f = new();
    private OrganizationPlanFixture.Tutorial _t = null!;

    public async Task InitializeAsync()
    {
        _t = await _f.TutorialAsync();
        await _f.Org.Policies.UpdatePolicyAsync(_t.Management, new UpdatePolicyRequest
        {
            PolicyId = _t.PolicyId,
            Content = OrganizationPlanFixture.CabPolicy(_t.Destination, regions: "\"us-east-1\",\"eu-west-1\",\"ap-south-1\""),
        });
    }

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Status_materializes_pending_changes_first_and_lists_every_region_the_plan_lists()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);

        OrganizationPlanStatusPage page = await _f.Status.DescribeAsync(_t.Management, null);

        Assert.Null(page.NextToken);
        Assert.Equal(["us-east-1", "eu-west-1", "ap-south-1"], page.BackupPlans.Select(p => p.Region));
        Assert.All(page.BackupPlans, p => Assert.Equal((_t.Source, "cabplan", OrganizationPlanState.Incomplete), (p.AccountId, p.BackupPlanName, p.State)));
        OrganizationPlanStatus east = page.BackupPlans[0];
        Assert.StartsWith("orgs/", east.BackupPlanId, StringComparison.Ordinal);
        Assert.NotNull(east.VersionId);
        Assert.Equal(
            [OrganizationPlanFindingKind.TargetVaultMissing, OrganizationPlanFindingKind.CopyDestinationMissing, OrganizationPlanFindingKind.RoleMissing],
            east.Findings.Select(f => f.Kind));
        OrganizationPlanStatus south = page.BackupPlans[2];
        Assert.Equal((null, null), (south.VersionId, south.CheckedAt));
        Assert.Equal(OrganizationPlanFindingKind.RegionNotServed, Assert.Single(south.Findings).Kind);
    }

    [Fact]
    public async Task Status_checks_again_so_findings_clear_as_soon_as_the_vaults_and_role_exist()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Source);
        await _f.Status.DescribeAsync(_t.Management, _t.Source);
        await _f.AddVaultAsync(_t.Source, "us-east-1");
        await _f.AddVaultAsync(_t.Source, "eu-west-1");
        await _f.AddVaultAsync(_t.Destination, "eu-west-1");
        await _f.AddRoleAsync(_t.SourceRoot);
        _f.Org.Time.Advance(TimeSpan.FromSeconds(30));

        OrganizationPlanStatusPage page = await _f.Status.DescribeAsync(_t.Management, _t.Source);

        Assert.Equal([OrganizationPlanState.Current, OrganizationPlanState.Current, OrganizationPlanState.Incomplete], page.BackupPlans.Select(p => p.State));
        Assert.Equal(ControlFixture.T0.AddSeconds(30), page.BackupPlans[0].CheckedAt);
    }

    [Fact]
    public async Task An_invalid_plan_is_listed_with_why()
    {
        string broken = await _f.Org.CreateBackupPolicyAsync(_t.Management, "broken", """
            {"plans":{"broken":{"rules":{"r":{"target_backup_vault_name":{"@@assign":"v1"}}}}}}
            """);
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, broken, _t.Destination);

        OrganizationPlanStatus row = Assert.Single((await _f.Status.DescribeAsync(_t.Management, _t.Destination)).BackupPlans);

        Assert.Equal((null, "broken", OrganizationPlanState.Incomplete), (row.Region, row.BackupPlanName, row.State));
        Assert.All(row.Findings, f => Assert.Equal(OrganizationPlanFindingKind.InvalidPlan, f.Kind));
        Assert.Contains(row.Findings, f => f.Detail == "plans.broken.regions: at least one Region is required to materialize the plan");
    }

    [Fact]
    public async Task Status_pages_by_account()
    {
        await _f.Org.Attachments.AttachPolicyAsync(_t.Management, _t.PolicyId, _t.Root);

        OrganizationPlanStatusPage first = await _f.Status.DescribeAsync(_t.Management, null, maxResults: 2);
        OrganizationPlanStatusPage second = await _f.Status.DescribeAsync(_t.Management, null, first.NextToken, maxResults: 2);

        Assert.NotNull(first.NextToken);
        Assert.Null(second.NextToken);
        string[] accounts = [.. first.BackupPlans.Concat(second.BackupPlans).Select(p => p.AccountId).Distinct()];
        Assert.Equal(new[] { _t.Management.AccountId, _t.Source, _t.Destination }.Order(StringComparer.Ordinal), accounts);
        await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Status.DescribeAsync(_t.Management, _t.Source, first.NextToken));
    }

    [Fact]
    public async Task Members_may_not_ask_and_bad_input_names_the_field()
    {
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Status.DescribeAsync(_t.SourceRoot, null));
        AwsFailure(await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Status.DescribeAsync(_t.Management, "12345")), "AccountId 12345");
        AwsFailure(await OrganizationFixture.FailsAsync("AccountNotFoundException", () => _f.Status.DescribeAsync(_t.Management, "999999999999")), "999999999999");
        AwsFailure(await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Status.DescribeAsync(_t.Management, null, maxResults: 0)), "MaxResults");
        AwsFailure(await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Status.DescribeAsync(_t.Management, null, "forged")), "NextToken");
        CallerIdentity outsider = await _f.Org.NewRootAsync("outsider");
        await OrganizationFixture.FailsAsync("AWSOrganizationsNotInUseException", () => _f.Status.DescribeAsync(outsider, null));
    }

    private static void AwsFailure(Errors.AwsServiceException e, string text) => Assert.Contains(text, e.Message, StringComparison.Ordinal);
}
