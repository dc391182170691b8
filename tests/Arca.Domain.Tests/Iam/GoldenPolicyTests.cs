using Arca.Domain.Arns;
using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

/// <summary>The policies of the reference tutorial and AWS's defaults, kept as files under Golden/.</summary>
public sealed class GoldenPolicyTests
{
    private static readonly Dictionary<string, PolicyKind> Files = new()
    {
        ["vault-access-policy-org-copy-in.json"] = PolicyKind.Resource,
        ["vault-access-policy-deny-copy-out.json"] = PolicyKind.Resource,
        ["vault-access-policy-deny-delete.json"] = PolicyKind.Resource,
        ["kms-default-key-policy.json"] = PolicyKind.Resource,
        ["kms-key-policy-cross-account.json"] = PolicyKind.Resource,
        ["role-trust-backup-service.json"] = PolicyKind.RoleTrust,
        ["role-trust-organization-account-access.json"] = PolicyKind.RoleTrust,
        ["role-inline-cabrole.json"] = PolicyKind.Identity,
        ["scp-deny-copy-outside-organization.json"] = PolicyKind.Identity,
    };

    private static readonly Dictionary<string, (PolicyKind Kind, string Message)> MalformedFiles = new()
    {
        ["effect-lowercase.json"] = (PolicyKind.Resource, "Statement[1].Effect must be Allow or Deny"),
        ["principal-in-identity-policy.json"] = (PolicyKind.Identity, "Statement[0].Principal is not allowed in an identity-based policy"),
        ["resource-in-trust-policy.json"] = (PolicyKind.RoleTrust, "Statement[0].Resource is not allowed in a role trust policy"),
        ["unknown-condition-operator.json"] = (PolicyKind.Resource, "Statement[0].Condition.ForAnyValues:StringEquals is not a supported condition operator"),
        ["condition-value-object.json"] = (PolicyKind.Resource, "Statement[0].Condition.StringEquals.aws:PrincipalOrgID[1] must be a string, number or boolean"),
        ["unknown-top-level-element.json"] = (PolicyKind.Resource, "Policy document contains unknown element 'Statements'"),
        ["invalid-principal.json"] = (PolicyKind.Resource, "Statement[0].Principal.AWS[1] 'arn:aws:iam::222222222222:role/*' is not a valid AWS principal (expected *, an account id, or an account root, role, assumed-role or user ARN)"),
    };

    private static readonly RequestPrincipal SourceSession = RequestPrincipal.AssumedRole(SourceRoleArn, "AWSBackup-cabrole");
    private static readonly RequestPrincipal DestinationSession = RequestPrincipal.AssumedRole(DestinationRoleArn, "AWSBackup-cabrole");
    private static readonly NamedPolicy CabRole = Load("role-inline-cabrole.json", "role cabrole inline policy");

    public static TheoryData<string> GoldenFiles => [.. Files.Keys];

    public static TheoryData<string> MalformedGoldenFiles => [.. MalformedFiles.Keys];

    private static NamedPolicy Load(string file, string name) => Named(name, PolicyDocument.Parse(Golden(file), Files[file], MaxLength));

    private static AccessDecision Authorize(RequestContext context, NamedPolicy? resource, params NamedPolicy[] identity) =>
        PolicyAuthorizer.Authorize(new AuthorizationRequest { Context = context, ResourcePolicy = resource, IdentityPolicies = identity });

    [Fact]
    public void Every_golden_file_is_listed_here()
    {
        Assert.Equal(Files.Keys.Order(), Directory.GetFiles(GoldenPath(), "*.json").Select(Path.GetFileName).Order()!);
        Assert.Equal(MalformedFiles.Keys.Order(), Directory.GetFiles(GoldenPath("Malformed"), "*.json").Select(Path.GetFileName).Order()!);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_policies_parse(string file)
    {
        PolicyDocument policy = PolicyDocument.Parse(Golden(file), Files[file], MaxLength);

        Assert.Equal(PolicyVersion.Version20121017, policy.Version);
        Assert.NotEmpty(policy.Statements);
    }

    [Theory]
    [MemberData(nameof(MalformedGoldenFiles))]
    public void Malformed_golden_policies_fail_with_their_exact_message(string file)
    {
        (PolicyKind kind, string message) = MalformedFiles[file];

        Assert.False(PolicyDocument.TryParse(Golden("Malformed", file), kind, MaxLength, out _, out string? error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Tutorial_vault_policy_lets_the_organization_copy_in()
    {
        NamedPolicy vault = Load("vault-access-policy-org-copy-in.json", "cabvault access policy");
        RequestContext copy = Request(SourceSession, "backup:CopyIntoBackupVault", VaultArn(Destination), Destination);

        AccessDecision member = Authorize(copy with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, OrgId) }, vault, CabRole);
        AccessDecision outsider = Authorize(copy with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, "o-zzzzzzzzzz") }, vault, CabRole);

        Assert.True(member.IsAllowed);
        Assert.Equal(
            "Allowed across accounts by role cabrole inline policy Statement[1] (Sid \"CopyIntoAnyVault\") and cabvault access policy Statement[0] (Sid \"AllowOrgCopyIn\")",
            member.Reason);
        Assert.Equal(AccessOutcome.ImplicitDeny, outsider.Outcome);
    }

    [Fact]
    public void Tutorial_vault_policy_grants_only_CopyIntoBackupVault()
    {
        NamedPolicy vault = Load("vault-access-policy-org-copy-in.json", "cabvault access policy");
        RequestContext delete = Request(SourceSession, "backup:DeleteRecoveryPoint", VaultArn(Destination), Destination)
            with
        { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, OrgId) };

        Assert.False(Authorize(delete, vault, Named("admin", IdentityStatement("Allow", "*"))).IsAllowed);
    }

    [Theory]
    [InlineData("arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", AccessOutcome.Allowed)]
    [InlineData("arn:aws:backup:us-east-1:222222222222:backup-vault:cabvault|arn:aws:backup:eu-west-1:222222222222:backup-vault:other", AccessOutcome.Allowed)]
    [InlineData("arn:aws:backup:eu-west-1:333333333333:backup-vault:cabvault", AccessOutcome.ExplicitDeny)]
    [InlineData("arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault|arn:aws:backup:eu-west-1:333333333333:backup-vault:x", AccessOutcome.ExplicitDeny)]
    public void Deny_copy_out_policy_only_lets_copies_go_to_the_destination_account(string targets, AccessOutcome outcome)
    {
        NamedPolicy vault = Load("vault-access-policy-deny-copy-out.json", "source cabvault access policy");
        RequestContext copyOut = Request(SourceSession, "backup:CopyFromBackupVault", Arn.RecoveryPoint("us-east-1", Source, "rp-1").ToString(), Source)
            with
        { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.BackupCopyTargets, targets.Split('|')) };

        AccessDecision decision = Authorize(copyOut, vault, CabRole);

        Assert.Equal(outcome, decision.Outcome);
        if (outcome == AccessOutcome.ExplicitDeny)
        {
            Assert.Equal("Explicitly denied by source cabvault access policy Statement[0] (Sid \"DenyCopyOutExceptToDestinationAccount\")", decision.Reason);
        }
    }

    [Fact]
    public void Deny_delete_policy_protects_recovery_points_even_from_the_root()
    {
        NamedPolicy vault = Load("vault-access-policy-deny-delete.json", "cabvault access policy");
        string recoveryPoint = Arn.RecoveryPoint("eu-west-1", Destination, "rp-1").ToString();

        AccessDecision root = Authorize(Request(RequestPrincipal.AccountRoot(Destination), "backup:DeleteRecoveryPoint", recoveryPoint, Destination), vault);
        AccessDecision lifecycle = Authorize(Request(DestinationSession, "backup:UpdateRecoveryPointLifecycle", recoveryPoint, Destination), vault, Named("admin", IdentityStatement("Allow", "*")));
        AccessDecision describe = Authorize(Request(DestinationSession, "backup:DescribeRecoveryPoint", recoveryPoint, Destination), vault, Named("admin", IdentityStatement("Allow", "*")));

        Assert.Equal(AccessOutcome.ExplicitDeny, root.Outcome);
        Assert.Equal("ProtectRecoveryPoints", Assert.Single(root.Statements).Sid);
        Assert.Equal(AccessOutcome.ExplicitDeny, lifecycle.Outcome);
        Assert.True(describe.IsAllowed);
    }

    [Fact]
    public void Default_key_policy_delegates_to_the_account()
    {
        NamedPolicy key = Load("kms-default-key-policy.json", "cabkey key policy");
        string keyArn = Arn.KmsKey("eu-west-1", Destination, "1234abcd-12ab-34cd-56ef-1234567890ab").ToString();
        AuthorizationRequest Request(RequestPrincipal caller, params NamedPolicy[] identity) => new()
        {
            Context = Policies.Request(caller, "kms:Decrypt", keyArn, Destination) with
            {
                ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.KmsViaService, "backup.eu-west-1.amazonaws.com"),
            },
            ResourcePolicy = key,
            IdentityPolicies = identity,
            Mode = AuthorizationMode.KmsKeyPolicy,
        };

        Assert.True(PolicyAuthorizer.Authorize(Request(RequestPrincipal.AccountRoot(Destination))).IsAllowed);
        Assert.True(PolicyAuthorizer.Authorize(Request(DestinationSession, CabRole)).IsAllowed);
        Assert.False(PolicyAuthorizer.Authorize(Request(DestinationSession)).IsAllowed);
        Assert.False(PolicyAuthorizer.Authorize(Request(SourceSession, CabRole)).IsAllowed);
    }

    [Fact]
    public void Cross_account_key_policy_shares_use_of_the_key_with_the_destination_account()
    {
        NamedPolicy key = Load("kms-key-policy-cross-account.json", "source cabkey key policy");
        string keyArn = Arn.KmsKey("us-east-1", Source, "1234abcd-12ab-34cd-56ef-1234567890ab").ToString();
        NamedPolicy kmsUser = Named("destination kms policy", IdentityStatement("Allow", "kms:*"));
        AccessDecision Call(string action, ConditionKeys? keys = null) => PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = Request(DestinationSession, action, keyArn, Source) with { ConditionKeys = keys ?? ConditionKeys.Empty },
            ResourcePolicy = key,
            IdentityPolicies = [kmsUser],
            Mode = AuthorizationMode.KmsKeyPolicy,
        });

        Assert.True(Call("kms:Decrypt").IsAllowed);
        Assert.True(Call("kms:ReEncryptFrom").IsAllowed);
        Assert.True(Call("kms:GenerateDataKeyWithoutPlaintext").IsAllowed);
        Assert.False(Call("kms:ScheduleKeyDeletion").IsAllowed);
        Assert.False(Call("kms:CreateGrant").IsAllowed);
        Assert.True(Call("kms:CreateGrant", ConditionKeys.Empty.With(ConditionKeyNames.KmsGrantIsForAwsResource, "true")).IsAllowed);
        Assert.False(Call("kms:CreateGrant", ConditionKeys.Empty.With(ConditionKeyNames.KmsGrantIsForAwsResource, "false")).IsAllowed);
    }

    [Fact]
    public void Backup_service_may_assume_the_service_role_and_nobody_else_may()
    {
        NamedPolicy trust = Load("role-trust-backup-service.json", "role cabrole trust policy");
        static RequestContext Assume(RequestPrincipal caller) => Request(caller, "sts:AssumeRole", SourceRoleArn, Source);

        Assert.True(Authorize(Assume(RequestPrincipal.Service("backup.amazonaws.com")), trust).IsAllowed);
        Assert.False(Authorize(Assume(RequestPrincipal.Service("kms.amazonaws.com")), trust).IsAllowed);
        Assert.False(Authorize(Assume(RequestPrincipal.AssumedRole(Arn.Role(Management, "admin").ToString(), "s")), trust, Named("admin", IdentityStatement("Allow", "*"))).IsAllowed);
    }

    [Fact]
    public void OrganizationAccountAccessRole_trusts_the_management_account()
    {
        NamedPolicy trust = Load("role-trust-organization-account-access.json", "OrganizationAccountAccessRole trust policy");
        string role = Arn.Role(Source, "OrganizationAccountAccessRole").ToString();
        RequestContext Assume(RequestPrincipal caller) => Request(caller, "sts:AssumeRole", role, Source);
        RequestPrincipal managementAdmin = RequestPrincipal.AssumedRole(Arn.Role(Management, "admin").ToString(), "alice");
        NamedPolicy mayAssume = Named("admin inline policy", IdentityStatement("Allow", "sts:AssumeRole", "arn:aws:iam::*:role/OrganizationAccountAccessRole"));

        Assert.True(Authorize(Assume(RequestPrincipal.AccountRoot(Management)), trust).IsAllowed);
        Assert.True(Authorize(Assume(managementAdmin), trust, mayAssume).IsAllowed);
        Assert.False(Authorize(Assume(managementAdmin), trust).IsAllowed);
        Assert.False(Authorize(Assume(RequestPrincipal.AccountRoot(Outsider)), trust).IsAllowed);
    }

    [Fact]
    public void Service_role_policy_is_scoped_to_its_own_account_by_a_policy_variable()
    {
        AccessDecision own = Authorize(Request(SourceSession, "backup:StartBackupJob", VaultArn(Source, "us-east-1"), Source), null, CabRole);
        AccessDecision other = Authorize(Request(SourceSession, "backup:StartBackupJob", VaultArn(Outsider), Source), null, CabRole);

        Assert.True(own.IsAllowed);
        Assert.Equal("Allowed by role cabrole inline policy Statement[0] (Sid \"BackupAndCopyOwnVaults\")", own.Reason);
        Assert.False(other.IsAllowed);
    }

    [Fact]
    public void Service_role_uses_keys_only_through_the_backup_service()
    {
        RequestContext decrypt = Request(SourceSession, "kms:Decrypt", Arn.KmsKey("us-east-1", Source, "k").ToString(), Source);

        Assert.Equal(PolicyDecision.NotApplicable, PolicyEvaluator.Evaluate(CabRole.Document, decrypt).Decision);
        Assert.Equal(
            PolicyDecision.Allow,
            PolicyEvaluator.Evaluate(CabRole.Document, decrypt with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.KmsViaService, "backup.us-east-1.amazonaws.com") }).Decision);
    }

    [Theory]
    [InlineData("o-a1b2c3d4e5/r-ab12/ou-ab12-22222222/", AccessOutcome.Allowed)]
    [InlineData("o-zzzzzzzzzz/r-zz99/", AccessOutcome.ExplicitDeny)]
    public void Scp_denies_copies_leaving_the_organization(string targetPath, AccessOutcome outcome)
    {
        NamedPolicy scp = Load("scp-deny-copy-outside-organization.json", "DenyCopyOutsideOrganization SCP");
        RequestContext copyOut = Request(SourceSession, "backup:CopyFromBackupVault", Arn.RecoveryPoint("us-east-1", Source, "rp-1").ToString(), Source)
            with
        { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.BackupCopyTargetOrgPaths, targetPath) };

        AccessDecision decision = PolicyAuthorizer.Authorize(new AuthorizationRequest
        {
            Context = copyOut,
            IdentityPolicies = [CabRole],
            ServiceControlPolicies = [[Named("FullAWSAccess", IdentityStatement("Allow", "*")), scp]],
        });

        Assert.Equal(outcome, decision.Outcome);
    }
}
