using Arca.Domain.Arns;
using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

/// <summary>How Principal and NotPrincipal in resource policies match callers.</summary>
public sealed class PrincipalMatchingTests
{
    private const string Action = "backup:CopyIntoBackupVault";

    private static readonly RequestPrincipal SourceRoot = RequestPrincipal.AccountRoot(Source);
    private static readonly RequestPrincipal SourceRole = RequestPrincipal.Role(SourceRoleArn);
    private static readonly RequestPrincipal SourceSession = RequestPrincipal.AssumedRole(SourceRoleArn, "s1");
    private static readonly RequestPrincipal BackupService = RequestPrincipal.Service("backup.amazonaws.com");

    public static TheoryData<string> AllCallers => ["root", "role", "session", "service"];

    private static RequestPrincipal Caller(string name) => name switch
    {
        "root" => SourceRoot,
        "role" => SourceRole,
        "session" => SourceSession,
        _ => BackupService,
    };

    private static PolicyEvaluation Evaluate(string effect, string principal, RequestPrincipal caller) =>
        PolicyEvaluator.Evaluate(ResourceStatement(effect, principal, Action), Request(caller, Action));

    private static PolicyEvaluation EvaluateNot(string notPrincipal, RequestPrincipal caller) =>
        PolicyEvaluator.Evaluate(
            Resource(Document($$"""{"Effect":"Deny","NotPrincipal":{{notPrincipal}},"Action":"{{Action}}","Resource":"*"}""")),
            Request(caller, Action));

    [Theory]
    [MemberData(nameof(AllCallers))]
    public void Star_principal_matches_everyone_directly(string caller)
    {
        PolicyEvaluation result = Evaluate("Allow", "\"*\"", Caller(caller));

        Assert.Equal(PolicyDecision.Allow, result.Decision);
        Assert.False(result.IsAccountDelegation);
    }

    [Theory]
    [MemberData(nameof(AllCallers))]
    public void Aws_star_principal_is_the_same_as_star(string caller)
    {
        Assert.Equal(PolicyDecision.Allow, Evaluate("Allow", """{"AWS":"*"}""", Caller(caller)).Decision);
    }

    [Theory]
    [InlineData("\"111111111111\"")]
    [InlineData("\"arn:aws:iam::111111111111:root\"")]
    public void Account_principal_matches_the_root_directly(string account)
    {
        PolicyEvaluation result = Evaluate("Allow", $$"""{"AWS":{{account}}}""", SourceRoot);

        Assert.Equal(PolicyDecision.Allow, result.Decision);
        Assert.False(result.IsAccountDelegation);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("session")]
    public void Account_principal_matches_every_principal_of_the_account_as_a_delegation(string caller)
    {
        PolicyEvaluation result = Evaluate("Allow", """{"AWS":"111111111111"}""", Caller(caller));

        Assert.Equal(PolicyDecision.Allow, result.Decision);
        Assert.True(result.IsAccountDelegation);
    }

    [Fact]
    public void Account_principal_does_not_match_other_accounts_or_services()
    {
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", """{"AWS":"222222222222"}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", """{"AWS":"111111111111"}""", BackupService).Decision);
    }

    [Fact]
    public void Deny_naming_the_account_applies_to_every_principal_of_the_account()
    {
        Assert.Equal(PolicyDecision.Deny, Evaluate("Deny", """{"AWS":"111111111111"}""", SourceSession).Decision);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("session")]
    public void Role_principal_matches_the_role_and_its_sessions_directly(string caller)
    {
        PolicyEvaluation result = Evaluate("Allow", $$"""{"AWS":"{{SourceRoleArn}}"}""", Caller(caller));

        Assert.Equal(PolicyDecision.Allow, result.Decision);
        Assert.False(result.IsAccountDelegation);
    }

    [Fact]
    public void Role_principal_does_not_match_the_root_or_other_roles()
    {
        string other = Arn.Role(Source, "otherrole").ToString();
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", $$"""{"AWS":"{{other}}"}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", $$"""{"AWS":"{{SourceRoleArn}}"}""", SourceRoot).Decision);
    }

    [Fact]
    public void Role_principal_includes_the_role_path()
    {
        RequestPrincipal pathed = RequestPrincipal.AssumedRole(Arn.Role(Source, "cabrole", "/backup/").ToString(), "s1");

        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", $$"""{"AWS":"{{SourceRoleArn}}"}""", pathed).Decision);
        Assert.Equal(PolicyDecision.Allow, Evaluate("Allow", """{"AWS":"arn:aws:iam::111111111111:role/backup/cabrole"}""", pathed).Decision);
    }

    [Fact]
    public void Session_principal_matches_only_that_session()
    {
        string session = Arn.AssumedRole(Source, "cabrole", "s1").ToString();

        Assert.Equal(PolicyDecision.Allow, Evaluate("Allow", $$"""{"AWS":"{{session}}"}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", $$"""{"AWS":"{{session}}"}""", RequestPrincipal.AssumedRole(SourceRoleArn, "s2")).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", $$"""{"AWS":"{{session}}"}""", SourceRole).Decision);
    }

    [Fact]
    public void Service_principal_matches_only_that_service()
    {
        Assert.Equal(PolicyDecision.Allow, Evaluate("Allow", """{"Service":"backup.amazonaws.com"}""", BackupService).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", """{"Service":"kms.amazonaws.com"}""", BackupService).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, Evaluate("Allow", """{"Service":"backup.amazonaws.com"}""", SourceRoot).Decision);
    }

    [Fact]
    public void A_statement_naming_the_caller_directly_is_preferred_over_one_naming_its_account()
    {
        PolicyDocument policy = Resource(Document(
            Statement("Allow", """{"AWS":"111111111111"}""", Action, sid: "Account"),
            Statement("Allow", $$"""{"AWS":"{{SourceRoleArn}}"}""", Action, sid: "Role")));

        PolicyEvaluation result = PolicyEvaluator.Evaluate(policy, Request(SourceSession, Action));

        Assert.Equal("Role", result.Statement!.Sid);
        Assert.False(result.IsAccountDelegation);
    }

    [Fact]
    public void NotPrincipal_deny_applies_to_everyone_not_listed()
    {
        Assert.Equal(PolicyDecision.Deny, EvaluateNot("""{"AWS":"222222222222"}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.Deny, EvaluateNot("""{"AWS":"222222222222"}""", BackupService).Decision);
    }

    [Fact]
    public void NotPrincipal_excludes_a_session_only_when_session_role_and_account_are_all_listed()
    {
        string session = Arn.AssumedRole(Source, "cabrole", "s1").ToString();
        string root = Arn.AccountRoot(Source).ToString();

        Assert.Equal(PolicyDecision.Deny, EvaluateNot($$"""{"AWS":["{{SourceRoleArn}}"]}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.Deny, EvaluateNot($$"""{"AWS":["{{SourceRoleArn}}","{{root}}"]}""", SourceSession).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, EvaluateNot($$"""{"AWS":["{{session}}","{{SourceRoleArn}}","{{root}}"]}""", SourceSession).Decision);
    }

    [Fact]
    public void NotPrincipal_excludes_a_role_listed_with_its_account_and_the_root_listed_alone()
    {
        Assert.Equal(PolicyDecision.NotApplicable, EvaluateNot($$"""{"AWS":["{{SourceRoleArn}}","111111111111"]}""", SourceRole).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, EvaluateNot("""{"AWS":"111111111111"}""", SourceRoot).Decision);
        Assert.Equal(PolicyDecision.Deny, EvaluateNot("""{"AWS":"111111111111"}""", SourceRole).Decision);
    }

    [Fact]
    public void NotPrincipal_excludes_a_listed_service()
    {
        Assert.Equal(PolicyDecision.NotApplicable, EvaluateNot("""{"Service":"backup.amazonaws.com"}""", BackupService).Decision);
    }
}
