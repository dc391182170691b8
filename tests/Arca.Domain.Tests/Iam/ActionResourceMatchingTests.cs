using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

public sealed class ActionResourceMatchingTests
{
    private static readonly RequestPrincipal Caller = RequestPrincipal.AssumedRole(SourceRoleArn, "s1");

    private static PolicyDecision Evaluate(PolicyDocument policy, string action, string? resource = null) =>
        PolicyEvaluator.Evaluate(policy, Request(Caller, action, resource)).Decision;

    [Theory]
    [InlineData("backup:CopyIntoBackupVault", "backup:CopyIntoBackupVault", true)]
    [InlineData("backup:copyintobackupvault", "BACKUP:CopyIntoBackupVault", true)]
    [InlineData("backup:Copy*", "backup:CopyFromBackupVault", true)]
    [InlineData("backup:*", "backup:DeleteRecoveryPoint", true)]
    [InlineData("*", "kms:Decrypt", true)]
    [InlineData("kms:*", "backup:DeleteRecoveryPoint", false)]
    [InlineData("kms:?ecrypt", "kms:Decrypt", true)]
    [InlineData("kms:Decrypt", "kms:DecryptX", false)]
    [InlineData("backup:Copy*", "backupx:CopyIntoBackupVault", false)]
    public void Actions_match_case_insensitively_with_wildcards(string pattern, string action, bool matches)
    {
        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.NotApplicable, Evaluate(IdentityStatement("Allow", pattern), action));
    }

    [Fact]
    public void NotAction_matches_every_action_it_does_not_list()
    {
        PolicyDocument policy = Identity(Document("""{"Effect":"Allow","NotAction":["backup:Delete*","kms:*"],"Resource":"*"}"""));

        Assert.Equal(PolicyDecision.Allow, Evaluate(policy, "backup:StartBackupJob"));
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate(policy, "backup:DeleteRecoveryPoint"));
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate(policy, "KMS:Decrypt"));
    }

    [Theory]
    [InlineData("arn:aws:backup:eu-west-1:111111111111:backup-vault:cabvault", true)]
    [InlineData("arn:aws:backup:eu-west-1:111111111111:backup-vault:CabVault", false)]
    [InlineData("arn:aws:backup:us-east-1:111111111111:backup-vault:cabvault", true)]
    [InlineData("arn:aws:backup:us-east-1:222222222222:backup-vault:cabvault", false)]
    public void Resources_match_case_sensitively_with_wildcards(string resource, bool matches)
    {
        PolicyDocument policy = IdentityStatement("Allow", "backup:*", "arn:aws:backup:*:111111111111:backup-vault:cab*");

        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.NotApplicable, Evaluate(policy, "backup:StartBackupJob", resource));
    }

    [Fact]
    public void NotResource_matches_every_resource_it_does_not_list()
    {
        PolicyDocument policy = Identity(Document("""{"Effect":"Deny","Action":"backup:*","NotResource":"arn:aws:backup:*:111111111111:backup-vault:*"}"""));

        Assert.Equal(PolicyDecision.NotApplicable, Evaluate(policy, "backup:StartBackupJob", VaultArn(Source)));
        Assert.Equal(PolicyDecision.Deny, Evaluate(policy, "backup:StartBackupJob", VaultArn(Destination)));
    }

    [Fact]
    public void A_request_without_a_resource_matches_only_a_star_resource()
    {
        Assert.Equal(PolicyDecision.Allow, Evaluate(IdentityStatement("Allow", "backup:ListBackupVaults"), "backup:ListBackupVaults"));
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate(IdentityStatement("Allow", "backup:ListBackupVaults", "arn:aws:backup:*:*:backup-vault:*"), "backup:ListBackupVaults"));
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate(IdentityStatement("Allow", "backup:ListBackupVaults", "arn:*:*:*:*:*"), "backup:ListBackupVaults"));
    }

    [Fact]
    public void A_role_trust_policy_matches_any_resource()
    {
        PolicyDocument trust = Trust(Document(Statement("Allow", """{"AWS":"111111111111"}""", "sts:AssumeRole", resource: null)));

        Assert.Equal(PolicyDecision.Allow, Evaluate(trust, "sts:AssumeRole", DestinationRoleArn));
    }

    [Fact]
    public void Explicit_deny_wins_within_one_policy_whatever_the_order()
    {
        PolicyDocument policy = Identity(Document(
            Statement("Allow", null, "backup:*", sid: "AllowAll"),
            Statement("Deny", null, "backup:DeleteRecoveryPoint", sid: "DenyDelete"),
            Statement("Allow", null, "backup:DeleteRecoveryPoint", sid: "AllowDelete")));

        PolicyEvaluation result = PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:DeleteRecoveryPoint"));

        Assert.Equal(PolicyDecision.Deny, result.Decision);
        Assert.Equal("DenyDelete", result.Statement!.Sid);
    }

    [Fact]
    public void The_first_applicable_allow_decides_an_allow()
    {
        PolicyDocument policy = Identity(Document(
            Statement("Allow", null, "kms:*", sid: "Kms"),
            Statement("Allow", null, "backup:*", sid: "Backup"),
            Statement("Allow", null, "*", sid: "All")));

        Assert.Equal("Backup", PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob")).Statement!.Sid);
    }

    [Fact]
    public void A_statement_whose_condition_fails_does_not_apply()
    {
        PolicyDocument policy = IdentityStatement("Deny", "backup:*", condition: """{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""");
        RequestContext member = Request(Caller, "backup:StartBackupJob") with { ConditionKeys = ConditionKeys.Empty.With(ConditionKeyNames.PrincipalOrgId, OrgId) };

        Assert.Equal(PolicyDecision.NotApplicable, PolicyEvaluator.Evaluate(policy, member).Decision);
        Assert.Equal(PolicyDecision.Deny, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob")).Decision);
    }
}
