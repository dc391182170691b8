using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

public sealed class MalformedPolicyTests
{
    private const string V = "\"Version\":\"2012-10-17\"";

    public static TheoryData<PolicyKind, string, string> Documents => new()
    {
        { PolicyKind.Identity, "   ", "Policy document is empty" },
        { PolicyKind.Identity, "{\"Version\":", "Policy document is not valid JSON (line 1, byte 12)" },
        { PolicyKind.Identity, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}", "Policy document is not valid JSON (line 3, byte 17)" },
        { PolicyKind.Identity, "{\"Statement\":[]} // comment", "Policy document is not valid JSON (line 1, byte 18)" },
        { PolicyKind.Identity, "[]", "Policy document must be a JSON object" },
        { PolicyKind.Identity, "{" + V + ",\"Statment\":[]}", "Policy document contains unknown element 'Statment'" },
        { PolicyKind.Identity, "{" + V + "," + V + "}", "Policy document contains element 'Version' more than once" },
        { PolicyKind.Identity, "{\"Version\":\"2012-10-18\",\"Statement\":[]}", "Version must be 2012-10-17 or 2008-10-17" },
        { PolicyKind.Identity, "{\"Version\":20121017,\"Statement\":[]}", "Version must be 2012-10-17 or 2008-10-17" },
        { PolicyKind.Identity, "{" + V + ",\"Id\":7,\"Statement\":[]}", "Id must be a string" },
        { PolicyKind.Identity, "{" + V + "}", "Statement is required" },
        { PolicyKind.Identity, "{" + V + ",\"Statement\":\"Allow\"}", "Statement must be an object or an array of objects" },
        { PolicyKind.Identity, "{" + V + ",\"Statement\":[]}", "Statement must not be empty" },
        { PolicyKind.Identity, "{" + V + ",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},7]}", "Statement[1] must be an object" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Principle":"*"}"""), "Statement[0] contains unknown element 'Principle'" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}"""), "Statement[0] contains element 'Effect' more than once" },
        { PolicyKind.Identity, Document("""{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}"""), "Statement[0].Sid must be a string" },
        { PolicyKind.Identity, Document("""{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"}""", """{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}"""), "Statement[1].Sid \"A\" is already used by Statement[0]" },
        { PolicyKind.Identity, Document("""{"Action":"*","Resource":"*"}"""), "Statement[0].Effect is required" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*"}""", """{"Effect":"allow","Action":"*","Resource":"*"}"""), "Statement[1].Effect must be Allow or Deny" },
        { PolicyKind.Identity, Document("""{"Effect":true,"Action":"*","Resource":"*"}"""), "Statement[0].Effect must be Allow or Deny" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Resource":"*"}"""), "Statement[0] must contain Action or NotAction" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","NotAction":"kms:*","Resource":"*"}"""), "Statement[0] must not contain both Action and NotAction" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":[],"Resource":"*"}"""), "Statement[0].Action must not be empty" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":{"a":1},"Resource":"*"}"""), "Statement[0].Action must be a string or an array of strings" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":["backup:*",3],"Resource":"*"}"""), "Statement[0].Action[1] must be a string" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":["backup:*","CopyIntoBackupVault"],"Resource":"*"}"""), "Statement[0].Action[1] 'CopyIntoBackupVault' must be * or of the form service:action" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"backup:","Resource":"*"}"""), "Statement[0].Action 'backup:' must be * or of the form service:action" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*"}"""), "Statement[0] must contain Resource or NotResource" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}"""), "Statement[0] must not contain both Resource and NotResource" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"cabvault"}"""), "Statement[0].Resource 'cabvault' must be * or an ARN" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":["*","arn:aws:backup"]}"""), "Statement[0].Resource[1] 'arn:aws:backup' must be * or an ARN" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"""), "Statement[0].Principal is not allowed in an identity-based policy" },
        { PolicyKind.Identity, Document("""{"Effect":"Deny","NotPrincipal":{"AWS":"111111111111"},"Action":"*","Resource":"*"}"""), "Statement[0].NotPrincipal is not allowed in an identity-based policy" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Action":"*","Resource":"*"}"""), "Statement[0] must contain Principal or NotPrincipal" },
        { PolicyKind.Resource, Document("""{"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"111111111111"},"Action":"*","Resource":"*"}"""), "Statement[0] must not contain both Principal and NotPrincipal" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","NotPrincipal":{"AWS":"111111111111"},"Action":"*","Resource":"*"}"""), "Statement[0].NotPrincipal can only be used with Effect Deny" },
        { PolicyKind.Resource, Document("""{"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"}"""), "Statement[0].NotPrincipal must not contain *" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":"111111111111","Action":"*","Resource":"*"}"""), "Statement[0].Principal must be \"*\" or an object with AWS or Service principals" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{},"Action":"*","Resource":"*"}"""), "Statement[0].Principal must name at least one principal" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.Federated principals are not supported" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"CanonicalUser":"79a59df9"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.CanonicalUser principals are not supported" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"Aws":"*"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal contains unknown principal type 'Aws'" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"AWS":["111111111111","1111"]},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.AWS[1] '1111' is not a valid AWS principal (expected *, an account id, or an account root, role, assumed-role or user ARN)" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/*"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.AWS 'arn:aws:iam::111111111111:role/*' is not a valid AWS principal (expected *, an account id, or an account root, role, assumed-role or user ARN)" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:backup:eu-west-1:111111111111:backup-vault:v"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.AWS 'arn:aws:backup:eu-west-1:111111111111:backup-vault:v' is not a valid AWS principal (expected *, an account id, or an account root, role, assumed-role or user ARN)" },
        { PolicyKind.Resource, Document("""{"Effect":"Allow","Principal":{"Service":"*"},"Action":"*","Resource":"*"}"""), "Statement[0].Principal.Service '*' is not a valid service principal (expected a name such as backup.amazonaws.com)" },
        { PolicyKind.RoleTrust, Document("""{"Effect":"Allow","Action":"sts:AssumeRole"}"""), "Statement[0] must contain Principal" },
        { PolicyKind.RoleTrust, Document("""{"Effect":"Deny","NotPrincipal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}"""), "Statement[0].NotPrincipal is not allowed in a role trust policy" },
        { PolicyKind.RoleTrust, Document("""{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}"""), "Statement[0].Resource is not allowed in a role trust policy" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}"""), "Statement[0].Condition must be an object" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:PrincipalOrgID":"o-1"}}}"""), "Statement[0].Condition.StringEqualz is not a supported condition operator" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"},"stringequals":{"aws:PrincipalAccount":"1"}}}"""), "Statement[0].Condition contains operator 'StringEquals' more than once" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"o-1"}}"""), "Statement[0].Condition.StringEquals must be an object mapping condition keys to values" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}"""), "Statement[0].Condition.StringEquals must contain at least one condition key" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"PrincipalOrgID":"o-1"}}}"""), "Statement[0].Condition.StringEquals key 'PrincipalOrgID' must be of the form service:key" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1","AWS:principalorgid":"o-2"}}}"""), "Statement[0].Condition.StringEquals contains element 'AWS:principalorgid' more than once" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":[]}}}"""), "Statement[0].Condition.StringEquals.aws:PrincipalOrgID must not be empty" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":null}}}"""), "Statement[0].Condition.StringEquals.aws:PrincipalOrgID must be a string, number or boolean, or an array of them" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":["o-1",{"x":1}]}}}"""), "Statement[0].Condition.StringEquals.aws:PrincipalOrgID[1] must be a string, number or boolean" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"yes"}}}"""), "Statement[0].Condition.Bool.aws:SecureTransport 'yes' must be true or false" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:PrincipalOrgID":["true","maybe"]}}}"""), "Statement[0].Condition.Null.aws:PrincipalOrgID[1] 'maybe' must be true or false" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"backup:RetentionDays":"ten"}}}"""), "Statement[0].Condition.NumericLessThan.backup:RetentionDays 'ten' must be a number" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}}"""), "Statement[0].Condition.DateLessThan.aws:CurrentTime 'tomorrow' must be a date (ISO 8601 or epoch seconds)" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}}"""), "Statement[0].Condition.IpAddress.aws:SourceIp '10.0.0.0/33' must be an IP address or CIDR block" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","10.0.0.0/-1"]}}}"""), "Statement[0].Condition.NotIpAddress.aws:SourceIp[1] '10.0.0.0/-1' must be an IP address or CIDR block" },
        { PolicyKind.Identity, Document("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:Null":{"aws:TagKeys":"true"}}}"""), "Statement[0].Condition.ForAnyValue:Null is not a supported condition operator" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Malformed_documents_are_rejected_with_a_message_naming_the_element(PolicyKind kind, string json, string message)
    {
        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse(json, kind, MaxLength));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Documents_over_the_size_limit_are_rejected_before_parsing()
    {
        string json = Document(Statement("Allow", null, "*"));

        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse(json, PolicyKind.Identity, json.Length - 1));

        Assert.Equal($"Policy document exceeds the maximum size of {json.Length - 1} characters", ex.Message);
    }

    [Fact]
    public void Invalid_json_keeps_the_json_exception_as_inner_exception()
    {
        var ex = Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse("{", PolicyKind.Identity, MaxLength));

        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }
}
