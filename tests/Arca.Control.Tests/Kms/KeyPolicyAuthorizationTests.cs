using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Domain.Iam;

namespace Arca.Control.Tests.Kms;

/// <summary>Key policies decide every key operation (KmsKeyPolicy mode): delegation to the account, direct grants, across accounts, org conditions, denies.</summary>
public sealed class KeyPolicyAuthorizationTests
{
    [Fact]
    public async Task The_default_policy_delegates_to_the_account_so_a_session_needs_its_identity_policy()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        Role allowed = await f.Control.NewRoleAsync(root, "user", root.AccountId, ("kms", ControlFixture.Allow("kms:Encrypt")));
        Role bare = await f.Control.NewRoleAsync(root, "bare", root.AccountId);

        await f.EncryptAsync(await f.Control.AssumeAsync(root, allowed), key.KeyId);
        CallerIdentity session = await f.Control.AssumeAsync(root, bare);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(session, key.KeyId));
        Assert.Equal(("AccessDeniedException", 400), (e.Code, e.HttpStatus));
        Assert.Equal($"User: {session.PrincipalArn} is not authorized to perform: kms:Encrypt on resource: {key.Arn} because no identity-based policy allows the kms:Encrypt action", e.Message);
    }

    [Fact]
    public async Task An_identity_policy_alone_never_suffices_but_a_key_policy_naming_the_role_does()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        Role admin = await f.Control.NewRoleAsync(root, "admin", root.AccountId, ("all", ControlFixture.Allow("kms:*")));
        Role named = await f.Control.NewRoleAsync(root, "named", root.AccountId);
        string policy = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{named.Arn}}"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}
            """;
        KeyMetadata key = await f.CreateKeyAsync(root, policy, bypass: true);

        // Neither the root nor a role whose identity policy allows kms:* may use it: the key policy does not delegate to the account.
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(root, key.KeyId));
        CallerIdentity adminSession = await f.Control.AssumeAsync(root, admin);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(adminSession, key.KeyId));
        Assert.EndsWith("because no resource-based policy allows the kms:Encrypt action", e.Message);

        CallerIdentity namedSession = await f.Control.AssumeAsync(root, named);
        byte[] blob = await f.EncryptAsync(namedSession, key.KeyId);
        Assert.Equal("hello", await f.DecryptAsync(namedSession, blob));
    }

    [Fact]
    public async Task One_account_cannot_use_another_accounts_key_until_its_key_policy_names_it()
    {
        var f = new KmsFixture();
        CallerIdentity a = await f.NewRootAsync("a");
        CallerIdentity b = await f.NewRootAsync("b");
        KeyMetadata key = await f.CreateKeyAsync(a);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(b, key.Arn));
        Assert.Equal(
            $"User: {b.PrincipalArn} is not authorized to perform: kms:Encrypt on resource: {key.Arn} because no resource-based policy allows the kms:Encrypt action",
            denied.Message);
        Assert.Equal(AccessOutcome.ImplicitDeny, denied.Decision.Outcome);
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Keys.DescribeKeyAsync(b, key.Arn));

        await f.Policies.PutKeyPolicyAsync(a, key.KeyId, null, KmsFixture.Policy(a.AccountId, $"\"{b.AccountId}\"", "[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:DescribeKey\"]"), false);
        byte[] blob = await f.EncryptAsync(b, key.Arn, "from b");
        Assert.Equal("from b", await f.DecryptAsync(a, blob));
        Assert.Equal("from b", await f.DecryptAsync(b, blob));
        Assert.Equal(a.AccountId, (await f.Keys.DescribeKeyAsync(b, key.Arn)).AccountId);

        // The identity side of the other account must allow too: a role of b without a policy is refused.
        Role bare = await f.Control.NewRoleAsync(b, "bare", b.AccountId);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(async () => await f.EncryptAsync(await f.Control.AssumeAsync(b, bare), key.Arn));
        Assert.Contains("because no identity-based policy allows the kms:Encrypt action", e.Message);
        Role user = await f.Control.NewRoleAsync(b, "user", b.AccountId, ("kms", ControlFixture.Allow("kms:Encrypt", key.Arn)));
        await f.EncryptAsync(await f.Control.AssumeAsync(b, user), key.Arn);
    }

    [Fact]
    public async Task A_bare_key_id_or_alias_name_always_means_the_callers_own_account()
    {
        var f = new KmsFixture();
        CallerIdentity a = await f.NewRootAsync("a");
        CallerIdentity b = await f.NewRootAsync("b");
        KeyMetadata key = await f.CreateKeyAsync(a, KmsFixture.Policy(a.AccountId, $"\"{b.AccountId}\""));
        await f.Aliases.CreateAliasAsync(a, "alias/shared", key.KeyId);

        Assert.Equal("NotFoundException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.EncryptAsync(b, key.KeyId))).Code);
        Assert.Equal("NotFoundException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.EncryptAsync(b, "alias/shared"))).Code);
        await f.EncryptAsync(b, $"arn:aws:kms:us-east-1:{a.AccountId}:alias/shared");
    }

    [Fact]
    public async Task Management_operations_never_reach_another_accounts_key_whatever_its_policy()
    {
        var f = new KmsFixture();
        CallerIdentity a = await f.NewRootAsync("a");
        CallerIdentity b = await f.NewRootAsync("b");
        KeyMetadata key = await f.CreateKeyAsync(a, KmsFixture.Policy(a.AccountId, $"\"{b.AccountId}\""));

        foreach (Func<Task> attempt in new Func<Task>[]
        {
            () => f.Keys.DisableKeyAsync(b, key.Arn),
            () => f.Keys.ScheduleKeyDeletionAsync(b, key.Arn, 7),
            () => f.Policies.PutKeyPolicyAsync(b, key.Arn, null, KmsFixture.Policy(b.AccountId, $"\"{b.AccountId}\""), true),
            () => f.Policies.GetKeyPolicyAsync(b, key.Arn, null),
            () => f.Tags.TagResourceAsync(b, key.Arn, [new KmsTag("k", "v")]),
        })
        {
            var e = await Assert.ThrowsAsync<AwsServiceException>(attempt);
            Assert.Equal("NotFoundException", e.Code);
            Assert.Contains("cannot be used on a key of another account", e.Message);
        }

        Assert.Equal(KeyState.Enabled, (await f.Keys.DescribeKeyAsync(a, key.KeyId)).KeyState);
    }

    [Fact]
    public async Task An_organization_condition_admits_members_of_that_organization_only()
    {
        var f = new KmsFixture();
        CallerIdentity owner = await f.NewRootAsync("owner");
        CallerIdentity member = await f.NewRootAsync("member");
        CallerIdentity outsider = await f.NewRootAsync("outsider");
        f.Organizations.Add(owner.AccountId, new OrganizationMembership("o-abc12345", owner.AccountId, ["o-abc12345/r-ab12/"]));
        f.Organizations.Add(member.AccountId, new OrganizationMembership("o-abc12345", owner.AccountId, ["o-abc12345/r-ab12/ou-ab12-11111111/"]));
        f.Organizations.Add(outsider.AccountId, new OrganizationMembership("o-zzz99999", outsider.AccountId, ["o-zzz99999/r-zz99/"]));
        member = await f.Control.CallerOfAsync(member.AccessKeyId);
        outsider = await f.Control.CallerOfAsync(outsider.AccessKeyId);
        owner = await f.Control.CallerOfAsync(owner.AccessKeyId);

        string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::OWNER:root"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Allow","Principal":"*","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc12345"}}}]}
            """.Replace("OWNER", owner.AccountId, StringComparison.Ordinal);
        KeyMetadata key = await f.CreateKeyAsync(owner, policy);
        byte[] blob = await f.EncryptAsync(member, key.Arn);
        Assert.Equal("hello", await f.DecryptAsync(member, blob));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(outsider, key.Arn));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.DecryptAsync(outsider, blob));
    }

    [Fact]
    public async Task An_explicit_deny_in_the_key_policy_wins()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        string policy = $$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{root.AccountId}}"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}
            """;
        KeyMetadata key = await f.CreateKeyAsync(root, policy);
        byte[] blob = await f.EncryptAsync(root, key.KeyId);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.DecryptAsync(root, blob));
        Assert.Equal(AccessOutcome.ExplicitDeny, e.Decision.Outcome);
        Assert.EndsWith("with an explicit deny in a resource-based policy", e.Message);
    }

    [Fact]
    public async Task Tags_are_resource_tag_condition_keys()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        Role role = await f.Control.NewRoleAsync(root, "tagged", root.AccountId, ("kms", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}
            """));
        CallerIdentity session = await f.Control.AssumeAsync(root, role);
        KeyMetadata key = await f.CreateKeyAsync(root);

        await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(session, key.KeyId));
        await f.Tags.TagResourceAsync(root, key.KeyId, [new KmsTag("team", "blue")]);
        await f.EncryptAsync(session, key.KeyId);
    }
}
