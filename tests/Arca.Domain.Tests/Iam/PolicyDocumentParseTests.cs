using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

public sealed class PolicyDocumentParseTests
{
    [Fact]
    public void A_single_statement_object_is_statement_zero()
    {
        PolicyDocument policy = Identity("""
            {"Version":"2012-10-17","Id":"p1","Statement":{"Sid":"One","Effect":"Allow","Action":"backup:*","Resource":"*"}}
            """);

        Assert.Equal(PolicyVersion.Version20121017, policy.Version);
        Assert.Equal("p1", policy.Id);
        PolicyStatement statement = Assert.Single(policy.Statements);
        Assert.Equal(0, statement.Index);
        Assert.Equal("One", statement.Sid);
        Assert.Equal(StatementEffect.Allow, statement.Effect);
        Assert.Equal<string>(["backup:*"], statement.Action.Values);
        Assert.False(statement.Action.IsNegated);
        Assert.Equal<string>(["*"], statement.Resource!.Values);
    }

    [Fact]
    public void Statements_keep_document_order_and_indexes()
    {
        PolicyDocument policy = Identity(Document(
            Statement("Allow", null, "backup:StartBackupJob"),
            Statement("Deny", null, "backup:DeleteRecoveryPoint")));

        Assert.Equal([0, 1], policy.Statements.Select(s => s.Index));
        Assert.Equal([StatementEffect.Allow, StatementEffect.Deny], policy.Statements.Select(s => s.Effect));
    }

    [Fact]
    public void Missing_version_means_2008_10_17()
    {
        PolicyDocument policy = Identity("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

        Assert.Equal(PolicyVersion.Version20081017, policy.Version);
    }

    [Fact]
    public void Version_2008_10_17_is_accepted()
    {
        Assert.Equal(PolicyVersion.Version20081017, Identity("""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""").Version);
    }

    [Fact]
    public void NotAction_and_NotResource_are_negated_lists()
    {
        PolicyDocument policy = Identity("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["backup:Describe*","backup:List*"],"NotResource":"arn:aws:backup:*:111111111111:backup-vault:*"}]}
            """);

        PolicyStatement statement = policy.Statements[0];
        Assert.True(statement.Action.IsNegated);
        Assert.Equal<string>(["backup:Describe*", "backup:List*"], statement.Action.Values);
        Assert.True(statement.Resource!.IsNegated);
    }

    [Fact]
    public void Account_id_principals_are_stored_as_root_arns()
    {
        PolicyDocument policy = ResourceStatement("Allow", """{"AWS":["111111111111","arn:aws:iam::222222222222:role/cabrole"]}""", "backup:CopyIntoBackupVault");

        PrincipalSet principal = policy.Statements[0].Principal!;
        Assert.False(principal.IsWildcard);
        Assert.Equal<string>(["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:role/cabrole"], principal.Aws);
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("""{"AWS":"*"}""")]
    [InlineData("""{"AWS":["111111111111","*"]}""")]
    public void Star_principals_are_wildcards(string principal)
    {
        Assert.True(ResourceStatement("Allow", principal, "backup:CopyIntoBackupVault").Statements[0].Principal!.IsWildcard);
    }

    [Fact]
    public void Service_principals_are_kept_by_name()
    {
        PolicyDocument policy = Trust(Document(Statement("Allow", """{"Service":["backup.amazonaws.com"]}""", "sts:AssumeRole", resource: null)));

        Assert.Equal<string>(["backup.amazonaws.com"], policy.Statements[0].Principal!.Services);
        Assert.Null(policy.Statements[0].Resource);
    }

    [Fact]
    public void Condition_values_keep_numbers_and_booleans_as_text()
    {
        PolicyDocument policy = Identity("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:CreateGrant","Resource":"*",
              "Condition":{"Bool":{"kms:GrantIsForAWSResource":true},"NumericLessThan":{"backup:RetentionDays":[35, 1.5e2]},
                           "ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}}]}
            """);

        var clauses = policy.Statements[0].Conditions;
        Assert.Equal(3, clauses.Length);
        Assert.Equal(ConditionOperatorKind.Bool, clauses[0].Operator.Kind);
        Assert.Equal<string>(["true"], clauses[0].Values);
        Assert.Equal<string>(["35", "1.5e2"], clauses[1].Values);
        Assert.Equal(SetQualifier.ForAnyValue, clauses[2].Operator.Qualifier);
        Assert.Equal("aws:PrincipalOrgPaths", clauses[2].Key);
    }

    [Fact]
    public void One_operator_with_several_keys_gives_one_clause_per_key()
    {
        PolicyDocument policy = IdentityStatement("Allow", "backup:*", condition: """{"StringEquals":{"aws:PrincipalOrgID":"o-1","aws:PrincipalAccount":["1","2"]}}""");

        Assert.Equal<string>(["aws:PrincipalOrgID", "aws:PrincipalAccount"], policy.Statements[0].Conditions.Select(c => c.Key));
    }

    [Fact]
    public void TryParse_returns_the_document_or_the_message()
    {
        Assert.True(PolicyDocument.TryParse(Document(Statement("Allow", null, "*")), PolicyKind.Identity, MaxLength, out PolicyDocument? document, out string? error));
        Assert.NotNull(document);
        Assert.Null(error);

        Assert.False(PolicyDocument.TryParse("{}", PolicyKind.Identity, MaxLength, out document, out error));
        Assert.Null(document);
        Assert.Equal("Statement is required", error);
    }

    [Fact]
    public void A_policy_exactly_at_the_size_limit_is_accepted()
    {
        string json = Document(Statement("Allow", null, "*"));

        Assert.NotNull(PolicyDocument.Parse(json, PolicyKind.Identity, json.Length));
    }

    [Fact]
    public void Max_length_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyDocument.Parse("{}", PolicyKind.Identity, 0));
    }
}
