using Arca.Domain.Arns;
using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

/// <summary>KMS's rule: the key policy must allow, directly or by delegating to the account.</summary>
public sealed class KmsKeyPolicyTests
{
    private const string Decrypt = "kms:Decrypt";

    private static readonly string KeyArn = Arn.KmsKey("eu-west-1", Destination, "1234abcd-12ab-34cd-56ef-1234567890ab").ToString();
    private static readonly RequestPrincipal DestinationSession = RequestPrincipal.AssumedRole(DestinationRoleArn, "s1");
    private static readonly RequestPrincipal SourceSession = RequestPrincipal.AssumedRole(SourceRoleArn, "s1");
    private static readonly NamedPolicy AllowKms = Named("role cabrole inline policy", IdentityStatement("Allow", "kms:*", sid: "AllowKms"));

    private static NamedPolicy KeyPolicy(string principal, string action = "kms:*", string? condition = null) =>
        Named("key policy", ResourceStatement("Allow", principal, action, condition: condition, sid: "KeyStatement"));

    private static AccessDecision Authorize(RequestPrincipal caller, NamedPolicy? keyPolicy, params NamedPolicy[] identity) =>
        PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = Request(caller, Decrypt, KeyArn, Destination),
            IdentityPolicies = identity,
            ResourcePolicy = keyPolicy,
            Mode = AuthorizationMode.KmsKeyPolicy,
        });

    [Fact]
    public void Key_policy_delegating_to_the_account_lets_identity_policies_grant()
    {
        AccessDecision decision = Authorize(DestinationSession, KeyPolicy("""{"AWS":"arn:aws:iam::222222222222:root"}"""), AllowKms);

        Assert.True(decision.IsAllowed);
        Assert.Equal(
            "Allowed by role cabrole inline policy Statement[0] (Sid \"AllowKms\") through key policy Statement[0] (Sid \"KeyStatement\"), which delegates to account 222222222222",
            decision.Reason);
        Assert.Equal(2, decision.Statements.Length);
    }

    [Fact]
    public void Key_policy_delegation_alone_does_not_grant_a_role()
    {
        AccessDecision decision = Authorize(DestinationSession, KeyPolicy("""{"AWS":"222222222222"}"""));

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
        Assert.Equal(
            "Implicitly denied: key policy Statement[0] (Sid \"KeyStatement\") delegates to account 222222222222 but no identity policy allows kms:Decrypt",
            decision.Reason);
    }

    [Fact]
    public void Key_policy_delegation_is_enough_for_the_account_root()
    {
        Assert.True(Authorize(RequestPrincipal.AccountRoot(Destination), KeyPolicy("""{"AWS":"222222222222"}""")).IsAllowed);
    }

    [Fact]
    public void Identity_policy_alone_does_not_suffice_for_kms()
    {
        AccessDecision decision = Authorize(DestinationSession, KeyPolicy("""{"AWS":"333333333333"}"""), AllowKms);

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
        Assert.Equal("Implicitly denied: key policy neither allows kms:Decrypt nor delegates it to account 222222222222", decision.Reason);
    }

    [Fact]
    public void Even_the_root_needs_the_key_policy()
    {
        Assert.False(Authorize(RequestPrincipal.AccountRoot(Destination), KeyPolicy("""{"AWS":"333333333333"}""")).IsAllowed);
    }

    [Fact]
    public void A_key_without_a_key_policy_denies()
    {
        AccessDecision decision = Authorize(DestinationSession, null, AllowKms);

        Assert.Equal("Implicitly denied: KMS requires a key policy and the key has none", decision.Reason);
    }

    [Fact]
    public void Key_policy_naming_the_role_grants_directly()
    {
        AccessDecision decision = Authorize(DestinationSession, KeyPolicy($$"""{"AWS":"{{DestinationRoleArn}}"}""", Decrypt));

        Assert.True(decision.IsAllowed);
        Assert.Equal("Allowed by key policy Statement[0] (Sid \"KeyStatement\")", decision.Reason);
    }

    [Fact]
    public void Cross_account_key_use_needs_the_key_policy_and_the_callers_identity_policy()
    {
        NamedPolicy keyPolicy = KeyPolicy("""{"AWS":"arn:aws:iam::111111111111:root"}""", "kms:Decrypt");

        Assert.False(Authorize(SourceSession, keyPolicy).IsAllowed);
        Assert.True(Authorize(SourceSession, keyPolicy, AllowKms).IsAllowed);
        Assert.False(Authorize(SourceSession, KeyPolicy("""{"AWS":"arn:aws:iam::222222222222:root"}"""), AllowKms).IsAllowed);
    }

    [Fact]
    public void Kms_CallerAccount_is_available_to_key_policies()
    {
        NamedPolicy keyPolicy = KeyPolicy("\"*\"", Decrypt, """{"StringEquals":{"kms:CallerAccount":"222222222222"}}""");

        Assert.True(Authorize(DestinationSession, keyPolicy).IsAllowed);
        Assert.False(Authorize(SourceSession, keyPolicy, AllowKms).IsAllowed);
    }

    [Fact]
    public void Explicit_deny_in_the_key_policy_wins()
    {
        NamedPolicy keyPolicy = Named("key policy", Resource(Document(
            Statement("Allow", """{"AWS":"222222222222"}""", "kms:*"),
            Statement("Deny", "\"*\"", "kms:Decrypt", sid: "NoDecrypt"))));

        Assert.Equal(AccessOutcome.ExplicitDeny, Authorize(RequestPrincipal.AccountRoot(Destination), keyPolicy).Outcome);
    }
}
