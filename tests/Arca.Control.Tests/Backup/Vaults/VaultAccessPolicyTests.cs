using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Domain.Iam;
using static Arca.Control.Tests.Backup.BackupFixture;
using static Arca.Control.Tests.Backup.Vaults.VaultFixture;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class VaultAccessPolicyTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_policy_is_put_read_back_as_sent_and_deleted()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupVaultDetails vault = await _f.CreateVaultAsync(root);
        string policy = Policy(Statement("Allow", $$"""{"AWS":"{{root.AccountId}}"}""", "backup:CopyIntoBackupVault"));

        await Throws(() => _f.Policies.GetAsync(root, "cabvault"), "ResourceNotFoundException", "Backup vault cabvault has no access policy");
        await _f.Policies.PutAsync(root, "cabvault", policy);
        Assert.Equal(new BackupVaultAccessPolicy("cabvault", vault.BackupVaultArn, policy), await _f.Policies.GetAsync(root, "cabvault"));
        await _f.Policies.DeleteAsync(root, "cabvault");
        await _f.Policies.DeleteAsync(root, "cabvault");
        await Throws(() => _f.Policies.GetAsync(root, "cabvault"), "ResourceNotFoundException", "has no access policy");
    }

    [Theory]
    [InlineData(null, "MissingParameterValueException", "Policy: is required")]
    [InlineData("{not json", "InvalidParameterValueException", "Policy: ")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Principal":"*","Action":"backup:*","Resource":"*"}]}""", "InvalidParameterValueException", "Policy: Statement[0].Effect")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"*"}]}""", "InvalidParameterValueException", "Principal")]
    public async Task A_malformed_policy_is_refused_naming_the_problem(string? policy, string code, string message)
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        await Throws(() => _f.Policies.PutAsync(root, "cabvault", policy), code, message);
        await Throws(() => _f.Policies.PutAsync(root, "nope", Policy(Statement("Deny", "\"*\"", "backup:*"))), "ResourceNotFoundException", "Backup vault nope not found");
    }

    [Fact]
    public async Task A_deny_on_delete_recovery_point_holds_even_for_the_account_root()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);
        await _f.Policies.PutAsync(root, "cabvault", Policy(Statement("Deny", "\"*\"", "backup:DeleteRecoveryPoint")));

        AccessDeniedException e = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn));

        Assert.Equal(("AccessDeniedException", 403, AccessOutcome.ExplicitDeny), (e.Code, e.HttpStatus, e.Decision.Outcome));
        Assert.Equal(
            $"User: arn:aws:iam::{root.AccountId}:root is not authorized to perform: backup:DeleteRecoveryPoint on resource: {rp.RecoveryPointArn} with an explicit deny in a resource-based policy",
            e.Message);
        Assert.NotNull(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
        await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn);

        await _f.Policies.DeleteAsync(root, "cabvault");
        await _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn);
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task Every_vault_action_is_authorized_with_the_policy_tags_included()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);
        await _f.Policies.PutAsync(root, "cabvault", Policy(Statement("Deny", "\"*\"", "backup:*Lock*") + "," + Statement("Deny", "\"*\"", "backup:DescribeBackupVault") + ","
            + Statement("Deny", "\"*\"", "backup:TagResource") + "," + Statement("Deny", "\"*\"", "backup:UpdateRecoveryPointLifecycle") + ","
            + Statement("Deny", "\"*\"", "backup:ListRecoveryPointsByBackupVault") + "," + Statement("Deny", "\"*\"", "backup:DeleteBackupVault")));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DescribeAsync(root, "cabvault"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DeleteAsync(root, "cabvault"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Locks.PutAsync(root, "cabvault", 1, null, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Locks.DeleteAsync(root, "cabvault"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.RecoveryPoints.ListByVaultAsync(root, "cabvault"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, new Domain.Plans.Lifecycle(DeleteAfterDays: 7)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Tags.TagResourceAsync(root, rp.BackupVaultArn, new Dictionary<string, string> { ["k"] = "v" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Tags.TagResourceAsync(root, rp.RecoveryPointArn, new Dictionary<string, string> { ["k"] = "v" }));
        await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn);
        await _f.Tags.ListTagsAsync(root, rp.BackupVaultArn);

        // A condition on the vault's own tags: deny reads of vaults tagged env=prod.
        await _f.Policies.PutAsync(root, "cabvault", Policy("""{"Effect":"Deny","Principal":"*","Action":"backup:DescribeRecoveryPoint","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"""));
        await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn);
        await _f.Tags.TagResourceAsync(root, rp.BackupVaultArn, new Dictionary<string, string> { ["env"] = "prod" });
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task A_role_may_act_on_a_vault_whose_policy_names_it_without_an_identity_policy()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        Role role = await _f.Control.NewRoleAsync(root, "auditor", root.AccountId);
        CallerIdentity session = await _f.Control.AssumeAsync(root, role);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DescribeAsync(session, "cabvault"));

        await _f.Policies.PutAsync(root, "cabvault", Policy(Statement("Allow", $$"""{"AWS":"{{role.Arn}}"}""", "backup:DescribeBackupVault")));

        Assert.Equal("cabvault", (await _f.Vaults.DescribeAsync(session, "cabvault")).BackupVaultName);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Locks.PutAsync(session, "cabvault", 1, null, null));
    }

    [Fact]
    public async Task Copying_into_another_accounts_vault_needs_its_policy_to_allow_the_source()
    {
        CallerIdentity source = await _f.NewRootAsync("source");
        CallerIdentity destination = await _f.NewRootAsync("destination");
        BackupVaultDetails vault = await _f.CreateVaultAsync(destination);
        var request = new CopyIntoRequest(source.AccountId, null, vault.BackupVaultArn);

        CopyIntoDecision refused = await _f.CopyInto.AuthorizeCopyIntoAsync(request);
        Assert.Equal((false, "Access Denied trying to call AWS Backup service"), (refused.IsAllowed, refused.Message));

        await _f.Policies.PutAsync(destination, "cabvault", Policy(Statement("Allow", $$"""{"AWS":"arn:aws:iam::{{source.AccountId}}:root"}""", "backup:CopyIntoBackupVault")));
        CopyIntoDecision allowed = await _f.CopyInto.AuthorizeCopyIntoAsync(request);
        Assert.Equal((true, (string?)null), (allowed.IsAllowed, allowed.Message));

        // The role of the copy job needs its own identity permission across accounts, as in AWS.
        Role role = await _f.Control.NewRoleAsync(source, "cabrole", source.AccountId);
        Assert.False((await _f.CopyInto.AuthorizeCopyIntoAsync(request with { IamRoleArn = role.Arn })).IsAllowed);
        await _f.Control.RolePolicies.PutRolePolicyAsync(source, "cabrole", "copy", ControlFixture.Allow("backup:CopyIntoBackupVault"));
        Assert.True((await _f.CopyInto.AuthorizeCopyIntoAsync(request with { IamRoleArn = role.Arn })).IsAllowed);
        Assert.False((await _f.CopyInto.AuthorizeCopyIntoAsync(request with { IamRoleArn = $"arn:aws:iam::{source.AccountId}:role/gone" })).IsAllowed);

        // Only CopyIntoBackupVault crosses accounts; anything else stays the owner's.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DescribeAsync(source, "cabvault", destination.AccountId));
        await Throws(() => _f.CopyInto.AuthorizeCopyIntoAsync(request with { DestinationBackupVaultArn = vault.BackupVaultArn + "x" }), "ResourceNotFoundException", "cabvaultx not found");
        await Throws(() => _f.CopyInto.AuthorizeCopyIntoAsync(request with { DestinationBackupVaultArn = "nope" }), "InvalidParameterValueException", "DestinationBackupVaultArn");
    }

    [Fact]
    public async Task The_organization_condition_admits_members_and_a_deny_wins()
    {
        CallerIdentity source = await _f.NewRootAsync("source");
        CallerIdentity outsider = await _f.NewRootAsync("outsider");
        CallerIdentity destination = await _f.NewRootAsync("destination");
        _f.Organizations.Add(source.AccountId, new OrganizationMembership("o-abcdefghij", destination.AccountId, ["o-abcdefghij/r-ab12/"]));
        BackupVaultDetails vault = await _f.CreateVaultAsync(destination);
        string orgCopy = """{"Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij"}}}""";
        await _f.Policies.PutAsync(destination, "cabvault", Policy(orgCopy));

        Assert.True((await _f.CopyInto.AuthorizeCopyIntoAsync(new CopyIntoRequest(source.AccountId, null, vault.BackupVaultArn))).IsAllowed);
        Assert.False((await _f.CopyInto.AuthorizeCopyIntoAsync(new CopyIntoRequest(outsider.AccountId, null, vault.BackupVaultArn))).IsAllowed);

        await _f.Policies.PutAsync(destination, "cabvault", Policy(orgCopy + "," + Statement("Deny", $$"""{"AWS":"{{source.AccountId}}"}""", "backup:Copy*")));
        CopyIntoDecision denied = await _f.CopyInto.AuthorizeCopyIntoAsync(new CopyIntoRequest(source.AccountId, null, vault.BackupVaultArn));
        Assert.Equal((false, AccessOutcome.ExplicitDeny), (denied.IsAllowed, denied.Decision.Outcome));
    }
}
