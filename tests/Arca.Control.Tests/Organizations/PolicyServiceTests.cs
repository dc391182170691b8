using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

/// <summary>Policies, attachments and policy types: shapes, rules and AWS's errors.</summary>
public sealed class PolicyServiceTests : IAsyncLifetime
{
    private static readonly string Cab = PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json");
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        (_management, _organization) = await _f.NewOrganizationAsync();
        _root = (await _f.Organizations.ListRootsAsync(_management, null, null)).Items[0].Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_policy_is_created_described_updated_listed_and_deleted()
    {
        OrganizationPolicy created = await _f.Policies.CreatePolicyAsync(_management,
            new CreatePolicyRequest { Name = "cabpolicy", Description = "tutorial", Type = "BACKUP_POLICY", Content = Cab, Tags = [new("k", "v")] });
        Assert.Matches("^p-[a-z0-9]{8}$", created.Summary.Id);
        Assert.Equal(
            new OrganizationPolicySummary(created.Summary.Id,
                $"arn:aws:organizations::{_management.AccountId}:policy/{_organization.Id}/backup_policy/{created.Summary.Id}",
                "cabpolicy", "tutorial", "BACKUP_POLICY", false),
            created.Summary);
        Assert.Equal(Cab, created.Content);
        Assert.Equal(created, await _f.Policies.DescribePolicyAsync(_management, created.Summary.Id));

        OrganizationPolicy renamed = await _f.Policies.UpdatePolicyAsync(_management, new UpdatePolicyRequest { PolicyId = created.Summary.Id, Name = "renamed" });
        Assert.Equal(("renamed", "tutorial", Cab), (renamed.Summary.Name, renamed.Summary.Description, renamed.Content));

        string second = await _f.CreateBackupPolicyAsync(_management, "second", Cab);
        string third = await _f.CreateBackupPolicyAsync(_management, "third", Cab);
        OrganizationPage<OrganizationPolicySummary> first = await _f.Policies.ListPoliciesAsync(_management, "BACKUP_POLICY", null, 2);
        OrganizationPage<OrganizationPolicySummary> rest = await _f.Policies.ListPoliciesAsync(_management, "BACKUP_POLICY", first.NextToken, 2);
        Assert.Null(rest.NextToken);
        Assert.Equal(new[] { created.Summary.Id, second, third }.Order(StringComparer.Ordinal), first.Items.Concat(rest.Items).Select(p => p.Id));
        Assert.Empty((await _f.Policies.ListPoliciesAsync(_management, "TAG_POLICY", null, null)).Items);

        await _f.Policies.DeletePolicyAsync(_management, second);
        await OrganizationFixture.FailsAsync("PolicyNotFoundException", () => _f.Policies.DescribePolicyAsync(_management, second));
    }

    [Fact]
    public async Task A_malformed_document_is_refused_with_the_offending_key_named()
    {
        string misspelled = Cab.Replace("schedule_expression", "shedule_expression", StringComparison.Ordinal);
        var e = await OrganizationFixture.FailsAsync("MalformedPolicyDocumentException", () => _f.CreateBackupPolicyAsync(_management, "bad", misspelled));
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains("unknown key \"shedule_expression\" at plans.cabplan.rules.cabrule", e.Message, StringComparison.Ordinal);

        string policy = await _f.CreateBackupPolicyAsync(_management, "good", Cab);
        string badDays = Cab.Replace("\"480\"", "\"30\"", StringComparison.Ordinal);
        e = await OrganizationFixture.FailsAsync("MalformedPolicyDocumentException",
            () => _f.Policies.UpdatePolicyAsync(_management, new UpdatePolicyRequest { PolicyId = policy, Content = badDays }));
        Assert.Contains("plans.cabplan.rules.cabrule.start_backup_window_minutes", e.Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("MalformedPolicyDocumentException", () => _f.CreateBackupPolicyAsync(_management, "x", "not json"));
        e = await OrganizationFixture.FailsAsync("ConstraintViolationException",
            () => _f.CreateBackupPolicyAsync(_management, "big", "{\"plans\":{}}" + new string(' ', 10_000)));
        Assert.StartsWith("POLICY_CONTENT_LIMIT_EXCEEDED", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "d", "BACKUP_POLICY", "InvalidInputException", "Name")]
    [InlineData("", "d", "BACKUP_POLICY", "InvalidInputException", "Name")]
    [InlineData("n", null, "BACKUP_POLICY", "InvalidInputException", "Description")]
    [InlineData("n", "d", null, "InvalidInputException", "Type")]
    [InlineData("n", "d", "POLICY", "InvalidInputException", "Type")]
    [InlineData("n", "d", "TAG_POLICY", "PolicyTypeNotAvailableForOrganizationException", "TAG_POLICY")]
    public async Task Create_policy_names_the_bad_field(string? name, string? description, string? type, string code, string named)
    {
        var e = await OrganizationFixture.FailsAsync(code, () => _f.Policies.CreatePolicyAsync(_management,
            new CreatePolicyRequest { Name = name, Description = description, Type = type, Content = Cab }));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_unique_and_attached_policies_cannot_be_deleted()
    {
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", Cab);
        await OrganizationFixture.FailsAsync("DuplicatePolicyException", () => _f.CreateBackupPolicyAsync(_management, "cab", Cab));
        string other = await _f.CreateBackupPolicyAsync(_management, "other", Cab);
        await OrganizationFixture.FailsAsync("DuplicatePolicyException",
            () => _f.Policies.UpdatePolicyAsync(_management, new UpdatePolicyRequest { PolicyId = other, Name = "cab" }));

        var e = await OrganizationFixture.FailsAsync("PolicyTypeNotEnabledException", () => _f.Attachments.AttachPolicyAsync(_management, policy, _root));
        Assert.Equal(409, e.HttpStatus);
        await _f.EnableBackupPoliciesAsync(_management);
        await OrganizationFixture.FailsAsync("PolicyTypeAlreadyEnabledException", () => _f.PolicyTypes.EnablePolicyTypeAsync(_management, _root, "BACKUP_POLICY"));
        await _f.Attachments.AttachPolicyAsync(_management, policy, _root);
        await OrganizationFixture.FailsAsync("DuplicatePolicyAttachmentException", () => _f.Attachments.AttachPolicyAsync(_management, policy, _root));
        e = await OrganizationFixture.FailsAsync("PolicyInUseException", () => _f.Policies.DeletePolicyAsync(_management, policy));
        Assert.Equal(409, e.HttpStatus);
        await OrganizationFixture.FailsAsync("PolicyNotAttachedException", () => _f.Attachments.DetachPolicyAsync(_management, other, _root));
        await OrganizationFixture.FailsAsync("TargetNotFoundException", () => _f.Attachments.AttachPolicyAsync(_management, policy, "111111111111"));
        await OrganizationFixture.FailsAsync("TargetNotFoundException", () => _f.Attachments.AttachPolicyAsync(_management, policy, "ou-zzzz-zzzzzzzz"));
        await OrganizationFixture.FailsAsync("PolicyNotFoundException", () => _f.Attachments.AttachPolicyAsync(_management, "p-00000000", _root));
        await OrganizationFixture.FailsAsync("RootNotFoundException", () => _f.PolicyTypes.EnablePolicyTypeAsync(_management, "r-zzzz", "BACKUP_POLICY"));
        await OrganizationFixture.FailsAsync("PolicyTypeNotAvailableForOrganizationException", () => _f.PolicyTypes.EnablePolicyTypeAsync(_management, _root, "TAG_POLICY"));

        await _f.Attachments.DetachPolicyAsync(_management, policy, _root);
        await _f.Policies.DeletePolicyAsync(_management, policy);
    }

    [Fact]
    public async Task Targets_are_listed_with_their_names_and_types_and_go_when_the_target_goes()
    {
        await _f.EnableBackupPoliciesAsync(_management);
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", Cab);
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "prod", null)).Id;
        (string account, _) = await _f.NewMemberAsync(_management, "SourceAccount");
        foreach (string target in new[] { _root, ou, account })
        {
            await _f.Attachments.AttachPolicyAsync(_management, policy, target);
        }

        OrganizationPage<PolicyTarget> page = await _f.Attachments.ListTargetsForPolicyAsync(_management, policy, null, 2);
        IReadOnlyList<PolicyTarget> targets = [.. page.Items, .. (await _f.Attachments.ListTargetsForPolicyAsync(_management, policy, page.NextToken, 2)).Items];
        Assert.Equal(
            new[] { (account, "SourceAccount", PolicyTargetType.Account), (ou, "prod", PolicyTargetType.OrganizationalUnit), (_root, "Root", PolicyTargetType.Root) }
                .OrderBy(t => t.Item1, StringComparer.Ordinal),
            targets.Select(t => (t.TargetId, t.Name, t.Type)));
        Assert.Equal($"arn:aws:organizations::{_management.AccountId}:ou/{_organization.Id}/{ou}", targets.Single(t => t.TargetId == ou).Arn);

        await _f.Attachments.DetachPolicyAsync(_management, policy, ou);
        await _f.Units.DeleteOrganizationalUnitAsync(_management, ou);
        await _f.Members.RemoveAccountFromOrganizationAsync(_management, account);
        Assert.Equal(_root, Assert.Single((await _f.Attachments.ListTargetsForPolicyAsync(_management, policy, null, null)).Items).TargetId);
    }

    [Fact]
    public async Task An_organization_without_all_features_has_no_policies()
    {
        CallerIdentity root = await _f.NewRootAsync("billing");
        await _f.Organizations.CreateOrganizationAsync(root, "CONSOLIDATED_BILLING");
        CallerIdentity billing = await _f.RefreshAsync(root);
        string rootId = (await _f.Organizations.ListRootsAsync(billing, null, null)).Items[0].Id;
        await OrganizationFixture.FailsAsync("PolicyTypeNotAvailableForOrganizationException", () => _f.PolicyTypes.EnablePolicyTypeAsync(billing, rootId, "BACKUP_POLICY"));
        await OrganizationFixture.FailsAsync("PolicyTypeNotAvailableForOrganizationException", () => _f.CreateBackupPolicyAsync(billing, "cab", Cab));
    }
}
