using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4AuthorizationParserTests
{
    private const string Signature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/backup/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Signature)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/backup/aws4_request,SignedHeaders=host;x-amz-date,Signature=" + Signature)]
    [InlineData("  AWS4-HMAC-SHA256   Signature=" + Signature + " ,  SignedHeaders=x-amz-date;host ,Credential=AKID/20150830/us-east-1/backup/aws4_request  ")]
    [InlineData("AWS4-HMAC-SHA256 credential=AKID/20150830/us-east-1/backup/aws4_request, signedheaders=Host;X-Amz-Date;host, SIGNATURE=" + Signature)]
    public void Header_is_parsed_whatever_the_spacing_order_and_case(string header)
    {
        Assert.True(SigV4AuthorizationParser.TryParseHeader(header, out SigV4Authorization? auth, out SigV4Failure? failure), failure?.Message);

        Assert.Equal(SigV4AuthMechanism.AuthorizationHeader, auth.Mechanism);
        Assert.Equal("AKID", auth.AccessKeyId);
        Assert.Equal(new SigV4Scope("20150830", "us-east-1", "backup"), auth.Scope);
        Assert.Equal(["host", "x-amz-date"], auth.SignedHeaders);
        Assert.Equal(Signature, auth.Signature);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc", "Authorization header requires 'Credential' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, Signature=abc", "Authorization header requires 'SignedHeaders' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host", "Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, Signature=",
        "Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256", "Authorization header requires 'Credential' parameter. Authorization header requires 'SignedHeaders' parameter. "
        + "Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, Credential=B/20150830/r/s/aws4_request, SignedHeaders=host, Signature=a",
        "Authorization header component 'Credential' appears more than once.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, Signature=a, Extra=1",
        "Authorization header has an unknown component 'Extra'.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request SignedHeaders=host Signature=a",
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, garbage",
        "Authorization header component is not of the form Name=Value.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/aws4_request, SignedHeaders=host, Signature=a",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 4.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=/20150830/r/s/aws4_request, SignedHeaders=host, Signature=a",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 5 with an empty one.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host;;x-amz-date, Signature=a",
        "SignedHeaders contains an empty header name.")]
    public void Malformed_header_is_refused_naming_the_part_at_fault(string header, string message)
    {
        Assert.False(SigV4AuthorizationParser.TryParseHeader(header, out _, out SigV4Failure? failure));

        Assert.Equal(new SigV4Failure(SigV4FailureReason.MalformedAuthorization, message), failure);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_requestx, SignedHeaders=host, Signature=a",
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requestx'.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/2015-08-30/r/s/aws4_request, SignedHeaders=host, Signature=a",
        "Credential scope date '2015-08-30' is not a date in yyyyMMdd form.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20151330/r/s/aws4_request, SignedHeaders=host, Signature=a",
        "Credential scope date '20151330' is not a date in yyyyMMdd form.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/r/s/wJalrXUtnFEMI+K7MDENG+bPxRfiCYEXAMPLEKEY, SignedHeaders=host, Signature=a",
        "Credential should be scoped with a valid terminator: 'aws4_request', not a value of 40 characters (not shown).")]
    public void Bad_credential_scope_is_refused(string header, string message)
    {
        Assert.False(SigV4AuthorizationParser.TryParseHeader(header, out _, out SigV4Failure? failure));

        Assert.Equal(new SigV4Failure(SigV4FailureReason.InvalidCredentialScope, message), failure);
    }

    [Theory]
    [InlineData("AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", "Unsupported authorization algorithm 'AWS'; only AWS4-HMAC-SHA256 is accepted.")]
    [InlineData("AWS4-ECDSA-P256-SHA256 Credential=A/20150830/s/aws4_request", "Unsupported authorization algorithm 'AWS4-ECDSA-P256-SHA256'; only AWS4-HMAC-SHA256 is accepted.")]
    [InlineData("Bearer x", "Unsupported authorization algorithm 'Bearer'; only AWS4-HMAC-SHA256 is accepted.")]
    [InlineData("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "Unsupported authorization algorithm; only AWS4-HMAC-SHA256 is accepted.")]
    [InlineData("", "Unsupported authorization algorithm; only AWS4-HMAC-SHA256 is accepted.")]
    public void Other_algorithms_are_refused_without_echoing_what_could_be_a_secret(string header, string message)
    {
        Assert.False(SigV4AuthorizationParser.TryParseHeader(header, out _, out SigV4Failure? failure));

        Assert.Equal(new SigV4Failure(SigV4FailureReason.UnsupportedAlgorithm, message), failure);
    }

    [Fact]
    public void Presigned_query_is_parsed()
    {
        const string Query = "a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Security-Token=tok%2Ben%2F%3D"
            + "&X-Amz-Signature=" + Signature;

        Assert.True(SigV4AuthorizationParser.HasQueryAuthentication(Query));
        Assert.True(SigV4AuthorizationParser.TryParseQuery(Query, out SigV4Authorization? auth, out SigV4Failure? failure), failure?.Message);

        Assert.Equal(
            new SigV4Authorization(SigV4AuthMechanism.QueryString, "AKID", new("20150830", "us-east-1", "s3"), auth.SignedHeaders, Signature)
            {
                AmzDate = "20150830T123600Z",
                ExpiresSeconds = 86400,
                SecurityToken = "tok+en/=",
            },
            auth);
        Assert.Equal(["host"], auth.SignedHeaders);
    }

    [Theory]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=a",
        SigV4FailureReason.MalformedAuthorization)]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=A%2F20150830%2Fr%2Fs%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60"
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=a", SigV4FailureReason.UnsupportedAlgorithm)]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20150830%2Fr%2Fs%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=-5"
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=a", SigV4FailureReason.MalformedAuthorization)]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20150830%2Fr%2Fs%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=0"
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=a", SigV4FailureReason.MalformedAuthorization)]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20150830%2Fr%2Fs%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60"
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=a&X-Amz-Signature=b", SigV4FailureReason.MalformedAuthorization)]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20150830%2Fr%2Fs%2Fsigv4&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60"
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=a", SigV4FailureReason.InvalidCredentialScope)]
    public void Bad_presigned_query_is_refused(string query, SigV4FailureReason reason)
    {
        Assert.False(SigV4AuthorizationParser.TryParseQuery(query, out _, out SigV4Failure? failure));

        Assert.Equal(reason, failure.Reason);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a=1&b=2", false)]
    [InlineData("x-amz-signature=a", false)]
    [InlineData("X-Amz-Signature=a", true)]
    [InlineData("X-Amz-Credential=a", true)]
    [InlineData("X-Amz-Algorithm", true)]
    public void Query_authentication_is_detected_by_its_parameter_names(string query, bool expected)
    {
        Assert.Equal(expected, SigV4AuthorizationParser.HasQueryAuthentication(query));
    }

    [Fact]
    public void Parsed_claims_print_without_the_session_token()
    {
        var auth = new SigV4Authorization(SigV4AuthMechanism.QueryString, "AKID", new("20150830", "r", "s"), ["host"], Signature)
        {
            SecurityToken = "very-secret-token",
        };

        Assert.DoesNotContain("very-secret-token", auth.ToString(), StringComparison.Ordinal);
    }
}
