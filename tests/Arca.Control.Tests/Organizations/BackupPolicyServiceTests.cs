using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Tests.Organizations;

/// <summary>Effective backup policies computed through the services from a tree built with the Organizations services (golden cases of the engine).</summary>
public sealed class BackupPolicyServiceTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        (_management, _) = await _f.NewOrganizationAsync();
        _root = await _f.EnableBackupPoliciesAsync(_management);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_reference_example_gives_the_account_in_the_ou_and_the_account_under_the_root_their_effective_policies()
    {
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "prod", null)).Id;
        (string inOu, _) = await _f.NewMemberAsync(_management, "in-ou");
        (string underRoot, _) = await _f.NewMemberAsync(_management, "under-root");
        await _f.Members.MoveAccountAsync(_management, inOu, _root, ou);
        string rootPolicy = await _f.CreateBackupPolicyAsync(_management, "org-daily", PolicyGolden.Read("reference-4-4-account-in-ou", "root-policy.json"));
        string ouPolicy = await _f.CreateBackupPolicyAsync(_management, "prod-dr", PolicyGolden.Read("reference-4-4-account-in-ou", "ou-policy.json"));
        await _f.Attachments.AttachPolicyAsync(_management, rootPolicy, _root);
        await _f.Attachments.AttachPolicyAsync(_management, ouPolicy, ou);

        PolicyGolden.AssertEffective("reference-4-4-account-in-ou",
            (await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", inOu)).PolicyContent);
        EffectivePolicyDescription root = await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", underRoot);
        PolicyGolden.AssertEffective("reference-4-4-account-under-root", root.PolicyContent);
        Assert.Equal((underRoot, "BACKUP_POLICY", ControlFixture.T0), (root.TargetId, root.PolicyType, root.LastUpdatedTimestamp));
        Assert.Contains("$account", root.PolicyContent, StringComparison.Ordinal);

        EffectiveBackupPolicyReport report = await _f.BackupPolicies.DescribeProvenanceAsync(_management, inOu);
        Assert.Equal([_root, ou, inOu], report.Levels.Select(l => l.TargetId));
        Assert.Contains(report.Policy.Provenance, p => p.Path == "plans.org_daily.regions" && p.Value == "eu-west-1"
            && p.Source == new PolicySource(ouPolicy, "prod-dr", ou));
        Assert.Contains(report.Policy.Provenance, p => p.Path == "plans.org_daily.rules.daily.schedule_expression"
            && p.Source == new PolicySource(rootPolicy, "org-daily", _root));
        EffectiveBackupPolicyReport ouReport = await _f.BackupPolicies.DescribeProvenanceAsync(_management, ou);
        Assert.Equal((PolicyTargetType.OrganizationalUnit, report.Policy.ToJson()), (ouReport.TargetType, ouReport.Policy.ToJson()));
    }

    [Fact]
    public async Task The_first_policy_attached_to_a_target_wins_and_reattaching_changes_the_winner()
    {
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "conf", null)).Id;
        (string account, _) = await _f.NewMemberAsync(_management, "a");
        await _f.Members.MoveAccountAsync(_management, account, _root, ou);
        string first = await _f.CreateBackupPolicyAsync(_management, "first", PolicyGolden.Read("attachment-order-conflicts", "p-first.json"));
        string second = await _f.CreateBackupPolicyAsync(_management, "second", PolicyGolden.Read("attachment-order-conflicts", "p-second.json"));
        await _f.Attachments.AttachPolicyAsync(_management, first, ou);
        await _f.Attachments.AttachPolicyAsync(_management, second, ou);

        PolicyGolden.AssertEffective("attachment-order-conflicts",
            (await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", account)).PolicyContent);
        PolicyDiagnostic conflict = Assert.Single((await _f.BackupPolicies.DescribeProvenanceAsync(_management, account)).Policy.Diagnostics);
        Assert.Equal((PolicyDiagnosticKind.SameLevelConflict, "plans.shared.rules.daily.target_backup_vault_name", second),
            (conflict.Kind, conflict.Path, conflict.Source.PolicyId));
        Assert.Equal([first, second], (await _f.Attachments.ListPoliciesForTargetAsync(_management, ou, "BACKUP_POLICY", null, null)).Items.Select(p => p.Id));

        await _f.Attachments.DetachPolicyAsync(_management, first, ou);
        await _f.Attachments.AttachPolicyAsync(_management, first, ou);
        Assert.Equal([second, first], (await _f.Attachments.ListPoliciesForTargetAsync(_management, ou, "BACKUP_POLICY", null, null)).Items.Select(p => p.Id));
        PolicyGolden.AssertEffective("attachment-order-conflicts-reversed",
            (await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", account)).PolicyContent);
    }

    [Fact]
    public async Task Child_control_operators_of_the_root_limit_what_an_ou_policy_changes_and_the_report_says_why()
    {
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "team", null)).Id;
        (string account, _) = await _f.NewMemberAsync(_management, "t");
        await _f.Members.MoveAccountAsync(_management, account, _root, ou);
        await _f.Attachments.AttachPolicyAsync(_management,
            await _f.CreateBackupPolicyAsync(_management, "org-locked", PolicyGolden.Read("none-blocks-child-assign", "root-policy.json")), _root);
        string wishes = await _f.CreateBackupPolicyAsync(_management, "team-wishes", PolicyGolden.Read("none-blocks-child-assign", "ou-policy.json"));
        await _f.Attachments.AttachPolicyAsync(_management, wishes, ou);

        PolicyGolden.AssertEffective("none-blocks-child-assign",
            (await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", account)).PolicyContent);
        IReadOnlyList<PolicyDiagnostic> diagnostics = (await _f.BackupPolicies.DescribeProvenanceAsync(_management, account)).Policy.Diagnostics;
        Assert.Equal(4, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal((PolicyDiagnosticKind.OperatorNotAllowed, wishes, ou), (d.Kind, d.Source.PolicyId, d.Source.TargetId)));
        Assert.Contains("plans.locked.rules.daily.target_backup_vault_name", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_policy_type_or_an_attached_policy_there_is_no_effective_policy_and_disabling_detaches_everything()
    {
        (string account, CallerIdentity member) = await _f.NewMemberAsync(_management, "m");
        var e = await OrganizationFixture.FailsAsync("EffectivePolicyNotFoundException",
            () => _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", null));
        Assert.Equal(400, e.HttpStatus);
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json"));
        await _f.Attachments.AttachPolicyAsync(_management, policy, account);
        PolicyGolden.AssertEffective("tutorial-cabpolicy", (await _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", null)).PolicyContent);
        Assert.NotNull(await _f.BackupPolicies.GetAccountPolicyAsync(account));

        OrganizationRoot root = await _f.PolicyTypes.DisablePolicyTypeAsync(_management, _root, "BACKUP_POLICY");
        Assert.DoesNotContain(root.PolicyTypes, t => t.Type == "BACKUP_POLICY");
        await OrganizationFixture.FailsAsync("EffectivePolicyNotFoundException", () => _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", null));
        await OrganizationFixture.FailsAsync("PolicyTypeNotEnabledException", () => _f.Attachments.AttachPolicyAsync(_management, policy, account));
        Assert.Null(await _f.BackupPolicies.GetAccountPolicyAsync(account));

        await _f.PolicyTypes.EnablePolicyTypeAsync(_management, _root, "BACKUP_POLICY");
        Assert.Empty((await _f.Attachments.ListPoliciesForTargetAsync(_management, account, "BACKUP_POLICY", null, null)).Items);
        Assert.Equal("cab", (await _f.Policies.DescribePolicyAsync(_management, policy)).Summary.Name);
        await OrganizationFixture.FailsAsync("EffectivePolicyNotFoundException", () => _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", null));
    }

    [Fact]
    public async Task A_member_sees_only_its_own_effective_policy_and_changes_nothing()
    {
        (string account, CallerIdentity member) = await _f.NewMemberAsync(_management, "m");
        (string other, _) = await _f.NewMemberAsync(_management, "o");
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json"));
        await _f.Attachments.AttachPolicyAsync(_management, policy, _root);

        Assert.Equal(account, (await _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", account)).TargetId);
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.BackupPolicies.DescribeEffectivePolicyAsync(member, "BACKUP_POLICY", other));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.BackupPolicies.DescribeProvenanceAsync(member, account));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Policies.ListPoliciesAsync(member, "BACKUP_POLICY", null, null));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.CreateBackupPolicyAsync(member, "mine", PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json")));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Attachments.DetachPolicyAsync(member, policy, _root));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.PolicyTypes.DisablePolicyTypeAsync(member, _root, "BACKUP_POLICY"));
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", _root));
        Assert.Contains("TARGET_NOT_SUPPORTED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delegated_administrator_for_backup_manages_backup_policies_and_one_for_another_service_only_reads_them()
    {
        (string backupAdmin, CallerIdentity backupAdminRoot) = await _f.NewMemberAsync(_management, "backup-admin");
        (string otherAdmin, CallerIdentity otherAdminRoot) = await _f.NewMemberAsync(_management, "other-admin");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, backupAdmin, "backup.amazonaws.com");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, otherAdmin, "ssm.amazonaws.com");

        string policy = await _f.CreateBackupPolicyAsync(backupAdminRoot, "delegated", PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json"));
        await _f.Attachments.AttachPolicyAsync(backupAdminRoot, policy, otherAdmin);
        Assert.Equal(otherAdmin, Assert.Single((await _f.Attachments.ListTargetsForPolicyAsync(otherAdminRoot, policy, null, null)).Items).TargetId);
        Assert.NotNull(await _f.BackupPolicies.DescribeProvenanceAsync(otherAdminRoot, otherAdmin));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Attachments.DetachPolicyAsync(otherAdminRoot, policy, otherAdmin));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.PolicyTypes.DisablePolicyTypeAsync(backupAdminRoot, _root, "BACKUP_POLICY"));
    }
}
