using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.ConditionEvaluationTests;
using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

public sealed class PolicyVariablesTests
{
    private static readonly RequestPrincipal Caller = RequestPrincipal.AssumedRole(SourceRoleArn, "s1");

    [Fact]
    public void Resource_variables_are_substituted_from_the_request()
    {
        PolicyDocument policy = IdentityStatement("Allow", "backup:*", "arn:aws:backup:*:${aws:PrincipalAccount}:backup-vault:*");

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", VaultArn(Source))).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", VaultArn(Destination))).Decision);
    }

    [Fact]
    public void Condition_values_may_use_variables()
    {
        PolicyDocument policy = IdentityStatement("Allow", "backup:*", condition: """{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}""");

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", VaultArn(Source), Source)).Decision);
        Assert.Equal(PolicyDecision.NotApplicable, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", VaultArn(Destination), Destination)).Decision);
    }

    [Fact]
    public void Variables_are_plain_text_in_2008_10_17_documents()
    {
        PolicyDocument policy = Identity("""
            {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"arn:aws:backup:*:${aws:PrincipalAccount}:backup-vault:*"}]}
            """);

        Assert.Equal(PolicyDecision.NotApplicable, PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", VaultArn(Source))).Decision);
        Assert.Equal(
            PolicyDecision.Allow,
            PolicyEvaluator.Evaluate(policy, Request(Caller, "backup:StartBackupJob", "arn:aws:backup:eu-west-1:${aws:PrincipalAccount}:backup-vault:v")).Decision);
    }

    [Theory]
    [InlineData("""{"StringEquals":{"test:k":"${test:missing}"}}""", "test:k=", false)]
    [InlineData("""{"StringEquals":{"test:k":"${test:missing}"}}""", "test:k=x", false)]
    [InlineData("""{"StringEquals":{"test:k":"${test:missing, 'none'}"}}""", "test:k=none", true)]
    [InlineData("""{"StringEquals":{"test:k":"${ test:v , 'none' }"}}""", "test:k=x;test:v=x", true)]
    [InlineData("""{"StringEquals":{"test:k":"${test:missing, 'it''s'}"}}""", "test:k=it's", true)]
    [InlineData("""{"StringEquals":{"test:k":"${test:multi}"}}""", "test:k=a;test:multi=a|b", false)]
    [InlineData("""{"StringLike":{"test:k":"a${*}"}}""", "test:k=a*", true)]
    [InlineData("""{"StringLike":{"test:k":"a${*}"}}""", "test:k=ab", false)]
    [InlineData("""{"StringLike":{"test:k":"${?}${$}"}}""", "test:k=?$", true)]
    [InlineData("""{"StringLike":{"test:k":"${test:v}/*"}}""", "test:k=x*/file;test:v=x*", true)]
    [InlineData("""{"StringLike":{"test:k":"${test:v}/*"}}""", "test:k=xyz/file;test:v=x*", false)]
    [InlineData("""{"StringEquals":{"test:k":"${unterminated"}}""", "test:k=${unterminated", true)]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:backup:*:${aws:PrincipalAccount}:backup-vault:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:111111111111:backup-vault:v", true)]
    [InlineData("""{"StringNotEquals":{"test:k":"${test:missing}"}}""", "test:k=x", true)]
    public void Condition_variables_substitute_defaults_and_escapes(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }
}
