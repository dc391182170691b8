using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

/// <summary>How identity, resource and service control policies combine (standard IAM mode).</summary>
public sealed class PolicyAuthorizerTests
{
    private const string CopyIn = "backup:CopyIntoBackupVault";
    private const string Delete = "backup:DeleteRecoveryPoint";

    private static readonly RequestPrincipal SourceSession = RequestPrincipal.AssumedRole(SourceRoleArn, "s1");
    private static readonly RequestPrincipal DestinationSession = RequestPrincipal.AssumedRole(DestinationRoleArn, "s1");

    private static readonly NamedPolicy AllowBackup = Named("role cabrole inline policy", IdentityStatement("Allow", "backup:*", sid: "AllowBackup"));

    private static RequestContext SameAccount(string action) => Request(DestinationSession, action, VaultArn(Destination), Destination);

    private static RequestContext CrossAccount(string action) => Request(SourceSession, action, VaultArn(Destination), Destination);

    private static NamedPolicy VaultPolicy(string effect, string principal, string action, string? sid = null) =>
        Named("vault access policy", ResourceStatement(effect, principal, action, sid: sid));

    private static AccessDecision Authorize(RequestContext context, NamedPolicy? resource = null, params NamedPolicy[] identity) =>
        PolicyAuthorizer.Authorize(new AuthorizationRequest { Context = context, IdentityPolicies = identity, ResourcePolicy = resource });

    [Fact]
    public void Default_is_implicit_deny()
    {
        AccessDecision decision = Authorize(SameAccount(Delete));

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
        Assert.False(decision.IsAllowed);
        Assert.Empty(decision.Statements);
        Assert.Equal(
            "Implicitly denied: no identity or resource policy allows backup:DeleteRecoveryPoint on arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault",
            decision.Reason);
    }

    [Fact]
    public void Explicit_deny_wins_over_allow()
    {
        NamedPolicy deny = VaultPolicy("Deny", "\"*\"", Delete, "DenyDelete");

        AccessDecision decision = Authorize(SameAccount(Delete), deny, AllowBackup);

        Assert.Equal(AccessOutcome.ExplicitDeny, decision.Outcome);
        Assert.Equal("Explicitly denied by vault access policy Statement[0] (Sid \"DenyDelete\")", decision.Reason);
        StatementReference statement = Assert.Single(decision.Statements);
        Assert.Equal(new StatementReference("vault access policy", 0, "DenyDelete"), statement);
    }

    [Fact]
    public void Explicit_deny_in_an_identity_policy_wins_over_a_resource_policy_allow()
    {
        NamedPolicy denyAll = Named("deny inline policy", IdentityStatement("Deny", "backup:*", sid: "NoBackup"));

        AccessDecision decision = Authorize(SameAccount(CopyIn), VaultPolicy("Allow", "\"*\"", CopyIn), AllowBackup, denyAll);

        Assert.Equal(AccessOutcome.ExplicitDeny, decision.Outcome);
        Assert.Equal("NoBackup", Assert.Single(decision.Statements).Sid);
    }

    [Fact]
    public void Same_account_identity_allow_suffices()
    {
        AccessDecision decision = Authorize(SameAccount(Delete), null, AllowBackup);

        Assert.True(decision.IsAllowed);
        Assert.Equal("Allowed by role cabrole inline policy Statement[0] (Sid \"AllowBackup\")", decision.Reason);
    }

    [Fact]
    public void Same_account_resource_policy_naming_the_role_suffices()
    {
        AccessDecision decision = Authorize(SameAccount(CopyIn), VaultPolicy("Allow", $$"""{"AWS":"{{DestinationRoleArn}}"}""", CopyIn, "Role"));

        Assert.True(decision.IsAllowed);
        Assert.Equal("Allowed by vault access policy Statement[0] (Sid \"Role\")", decision.Reason);
    }

    [Fact]
    public void Same_account_resource_policy_naming_only_the_account_delegates_to_identity_policies()
    {
        NamedPolicy vault = VaultPolicy("Allow", """{"AWS":"222222222222"}""", CopyIn);

        Assert.Equal(AccessOutcome.ImplicitDeny, Authorize(SameAccount(CopyIn), vault).Outcome);
        Assert.True(Authorize(SameAccount(CopyIn), vault, AllowBackup).IsAllowed);
    }

    [Fact]
    public void Account_root_has_implicit_identity_permissions_in_its_own_account()
    {
        AccessDecision decision = Authorize(Request(RequestPrincipal.AccountRoot(Destination), Delete, VaultArn(Destination), Destination));

        Assert.True(decision.IsAllowed);
        Assert.Equal("Allowed by the account root's implicit permissions", decision.Reason);
        Assert.Empty(decision.Statements);
    }

    [Fact]
    public void Account_root_is_still_bound_by_an_explicit_deny_in_a_resource_policy()
    {
        AccessDecision decision = Authorize(
            Request(RequestPrincipal.AccountRoot(Destination), Delete, VaultArn(Destination), Destination),
            VaultPolicy("Deny", "\"*\"", Delete));

        Assert.Equal(AccessOutcome.ExplicitDeny, decision.Outcome);
    }

    [Fact]
    public void A_null_resource_account_means_the_callers_own_account()
    {
        Assert.True(Authorize(Request(SourceSession, "backup:ListBackupVaults"), null, AllowBackup).IsAllowed);
    }

    [Fact]
    public void Cross_account_needs_both_sides()
    {
        NamedPolicy vault = VaultPolicy("Allow", """{"AWS":"111111111111"}""", CopyIn, "AllowSource");

        AccessDecision identityOnly = Authorize(CrossAccount(CopyIn), null, AllowBackup);
        AccessDecision resourceOnly = Authorize(CrossAccount(CopyIn), vault);
        AccessDecision both = Authorize(CrossAccount(CopyIn), vault, AllowBackup);

        Assert.Equal(AccessOutcome.ImplicitDeny, identityOnly.Outcome);
        Assert.Equal(
            "Implicitly denied: a cross-account request needs an allow from both the caller's identity policies and the resource policy; the resource has no resource policy",
            identityOnly.Reason);
        Assert.Equal(AccessOutcome.ImplicitDeny, resourceOnly.Outcome);
        Assert.Equal(
            "Implicitly denied: a cross-account request needs an allow from both the caller's identity policies and the resource policy; no identity policy of the caller allows backup:CopyIntoBackupVault",
            resourceOnly.Reason);
        Assert.True(both.IsAllowed);
        Assert.Equal(
            "Allowed across accounts by role cabrole inline policy Statement[0] (Sid \"AllowBackup\") and vault access policy Statement[0] (Sid \"AllowSource\")",
            both.Reason);
        Assert.Equal(2, both.Statements.Length);
    }

    [Fact]
    public void Cross_account_resource_policy_that_does_not_name_the_caller_denies()
    {
        AccessDecision decision = Authorize(CrossAccount(CopyIn), VaultPolicy("Allow", """{"AWS":"333333333333"}""", CopyIn), AllowBackup);

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
        Assert.EndsWith("vault access policy does not allow it", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_account_with_neither_side_lists_both_missing_allows()
    {
        AccessDecision decision = Authorize(CrossAccount(CopyIn), VaultPolicy("Allow", """{"AWS":"333333333333"}""", CopyIn));

        Assert.EndsWith("no identity policy of the caller allows backup:CopyIntoBackupVault and vault access policy does not allow it", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_account_root_needs_only_the_resource_policy()
    {
        RequestContext context = Request(RequestPrincipal.AccountRoot(Source), CopyIn, VaultArn(Destination), Destination);

        AccessDecision decision = Authorize(context, VaultPolicy("Allow", """{"AWS":"111111111111"}""", CopyIn));

        Assert.True(decision.IsAllowed);
        Assert.StartsWith("Allowed across accounts by the account root's implicit permissions and vault access policy", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_account_deny_in_the_resource_policy_wins()
    {
        NamedPolicy vault = Named("vault access policy", Resource(Document(
            Statement("Allow", "\"*\"", "backup:*"),
            Statement("Deny", """{"AWS":"111111111111"}""", Delete, sid: "NoDeleteFromSource"))));

        Assert.True(Authorize(CrossAccount(CopyIn), vault, AllowBackup).IsAllowed);
        Assert.Equal(AccessOutcome.ExplicitDeny, Authorize(CrossAccount(Delete), vault, AllowBackup).Outcome);
    }

    [Fact]
    public void Service_principal_needs_the_resource_policy()
    {
        RequestContext context = Request(RequestPrincipal.Service("backup.amazonaws.com"), "sts:AssumeRole", SourceRoleArn, Source);
        NamedPolicy trust = Named("role cabrole trust policy", Trust(Document(Statement("Allow", """{"Service":"backup.amazonaws.com"}""", "sts:AssumeRole", resource: null))));

        AccessDecision allowed = Authorize(context, trust);
        AccessDecision none = Authorize(context);
        AccessDecision other = Authorize(context, Named("role trust", Trust(Document(Statement("Allow", """{"AWS":"111111111111"}""", "sts:AssumeRole", resource: null)))));

        Assert.True(allowed.IsAllowed);
        Assert.Equal("Allowed by role cabrole trust policy Statement[0] for service principal backup.amazonaws.com", allowed.Reason);
        Assert.Equal("Implicitly denied: there is no resource policy to allow service principal backup.amazonaws.com to perform sts:AssumeRole", none.Reason);
        Assert.Equal("Implicitly denied: role trust does not allow service principal backup.amazonaws.com to perform sts:AssumeRole", other.Reason);
    }

    [Fact]
    public void Service_control_policies_can_only_restrict()
    {
        NamedPolicy fullAccess = Named("FullAWSAccess", IdentityStatement("Allow", "*"));
        var request = new AuthorizationRequest
        {
            Context = SameAccount(Delete),
            ServiceControlPolicies = [[fullAccess]],
        };

        AccessDecision decision = PolicyAuthorizer.Authorize(request);

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
    }

    [Fact]
    public void Every_service_control_policy_level_must_allow()
    {
        NamedPolicy fullAccess = Named("FullAWSAccess", IdentityStatement("Allow", "*"));
        NamedPolicy kmsOnly = Named("KmsOnly", IdentityStatement("Allow", "kms:*"));

        AccessDecision decision = PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = SameAccount(Delete),
            IdentityPolicies = [AllowBackup],
            ServiceControlPolicies = [[fullAccess], [kmsOnly]],
        });

        Assert.Equal(AccessOutcome.ImplicitDeny, decision.Outcome);
        Assert.Equal("Implicitly denied: no service control policy at organization level 1 allows backup:DeleteRecoveryPoint", decision.Reason);
    }

    [Fact]
    public void A_service_control_policy_deny_wins_even_for_the_account_root()
    {
        NamedPolicy deny = Named("DenyCopyOut", IdentityStatement("Deny", "backup:CopyFromBackupVault", sid: "DenyCopyOut"));
        RequestContext context = Request(RequestPrincipal.AccountRoot(Source), "backup:CopyFromBackupVault", VaultArn(Source), Source);

        AccessDecision decision = PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = context,
            ServiceControlPolicies = [[Named("FullAWSAccess", IdentityStatement("Allow", "*")), deny]],
        });

        Assert.Equal(AccessOutcome.ExplicitDeny, decision.Outcome);
        Assert.Equal("Explicitly denied by DenyCopyOut Statement[0] (Sid \"DenyCopyOut\")", decision.Reason);
    }

    [Fact]
    public void Service_control_policies_do_not_apply_to_service_principals()
    {
        RequestContext context = Request(RequestPrincipal.Service("backup.amazonaws.com"), "sts:AssumeRole", SourceRoleArn, Source);

        AccessDecision decision = PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = context,
            ResourcePolicy = Named("trust", Trust(Document(Statement("Allow", """{"Service":"backup.amazonaws.com"}""", "sts:AssumeRole", resource: null)))),
            ServiceControlPolicies = [[Named("DenyAll", IdentityStatement("Deny", "*"))]],
        });

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void Policies_of_the_wrong_kind_are_rejected()
    {
        NamedPolicy resource = VaultPolicy("Allow", "\"*\"", CopyIn);

        Assert.Throws<ArgumentException>(() => Authorize(SameAccount(CopyIn), null, resource));
        Assert.Throws<ArgumentException>(() => Authorize(SameAccount(CopyIn), AllowBackup));
        Assert.Throws<ArgumentException>(() => PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = SameAccount(CopyIn),
            ServiceControlPolicies = [[resource]],
        }));
    }

    [Fact]
    public void PrincipalOrgID_condition_matches_members_of_the_organization()
    {
        NamedPolicy vault = Named("vault access policy", ResourceStatement(
            "Allow", "\"*\"", CopyIn, condition: """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""));
        RequestContext member = CrossAccount(CopyIn) with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, OrgId) };
        RequestContext otherOrg = CrossAccount(CopyIn) with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, "o-zzzzzzzzzz") };
        RequestContext noOrg = CrossAccount(CopyIn);

        Assert.True(Authorize(member, vault, AllowBackup).IsAllowed);
        Assert.False(Authorize(otherOrg, vault, AllowBackup).IsAllowed);
        Assert.False(Authorize(noOrg, vault, AllowBackup).IsAllowed);
    }
}
