using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>Known-answer tests from AWS's SigV4 test suite: each step checked separately.</summary>
public sealed class AwsSuiteTests
{
    [Theory]
    [MemberData(nameof(AwsSuite.NamesWithCanonicalRequest), MemberType = typeof(AwsSuite))]
    public void Canonical_request_matches_the_suite(string name)
    {
        AwsSuiteCase c = AwsSuite.Case(name);
        SigV4Request request = c.Signed();
        string payload = SigV4Canonicalizer.HexSha256(request.Body.Span);

        string canonical = SigV4Canonicalizer.CanonicalRequest(request, c.SignedHeaders.Split(';'), payload, c.Flavor);

        Assert.Equal(c.CanonicalRequest, canonical);
    }

    [Theory]
    [MemberData(nameof(AwsSuite.NamesWithCanonicalRequest), MemberType = typeof(AwsSuite))]
    public void String_to_sign_matches_the_suite(string name)
    {
        AwsSuiteCase c = AwsSuite.Case(name);
        var scope = new SigV4Scope("20150830", AwsSuiteCase.Region, AwsSuiteCase.Service);

        string stringToSign = SigV4Canonicalizer.StringToSign(AwsSuiteCase.AmzDate, scope, c.CanonicalRequest!);

        if (c.StringToSignHash is not null)
        {
            Assert.Equal($"AWS4-HMAC-SHA256\n{AwsSuiteCase.AmzDate}\n{c.Scope}\n{c.StringToSignHash}", stringToSign);
        }

        byte[] key = SigV4SigningKey.Derive(AwsSuiteCase.Secret, "20150830", AwsSuiteCase.Region, AwsSuiteCase.Service);
        Assert.Equal(c.Signature, SigV4SigningKey.Sign(key, stringToSign));
    }

    [Theory]
    [MemberData(nameof(AwsSuite.Names), MemberType = typeof(AwsSuite))]
    public void Signer_reproduces_the_suite_authorization_header(string name)
    {
        AwsSuiteCase c = AwsSuite.Case(name);
        var parameters = new SigV4SigningParameters(
            AwsSuiteCase.AccessKeyId, AwsSuiteCase.Secret, AwsSuiteCase.Region, AwsSuiteCase.Service, AwsSuiteCase.Time)
        {
            SessionToken = c.Token,
            Flavor = c.Flavor,
            AddContentSha256Header = c.SignBody,
        };

        SigV4Request signed = new SigV4Signer().Sign(c.Unsigned(), parameters);

        Assert.Equal(c.Authorization, Assert.Single(signed.HeaderValues("authorization")));
        Assert.Equal(AwsSuiteCase.AmzDate, Assert.Single(signed.HeaderValues("x-amz-date")));
    }

    [Theory]
    [MemberData(nameof(AwsSuite.Names), MemberType = typeof(AwsSuite))]
    public void Verifier_accepts_the_suite_request(string name)
    {
        AwsSuiteCase c = AwsSuite.Case(name);
        var verifier = new SigV4Verifier(new SigV4VerifierOptions
        {
            ProfileOf = _ => new SigV4ServiceProfile(c.Flavor, SigV4ErrorDialect.Query),
        });

        SigV4VerificationResult result = verifier.Verify(
            c.Signed(), AwsSuiteCase.Time.AddMinutes(3), _ => new SigV4SecretCredential(AwsSuiteCase.Secret, c.Token));

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(new SigV4Identity("AKIDEXAMPLE", "us-east-1", "service", AwsSuiteCase.Time, c.Token, SigV4AuthMechanism.AuthorizationHeader),
            result.Identity);
    }

    [Fact]
    public void Verifier_refuses_the_suite_token_added_after_signing()
    {
        // post-sts-header-after: the session token is sent but was not signed (signature of post-vanilla).
        AwsSuiteCase vanilla = AwsSuite.Case("post-vanilla");
        SigV4Request request = vanilla.Signed().WithHeader("X-Amz-Security-Token", "AQoDYXdzEPT//////////wEXAMPLE");

        SigV4VerificationResult result = new SigV4Verifier().Verify(
            request, AwsSuiteCase.Time, _ => new SigV4SecretCredential(AwsSuiteCase.Secret, "AQoDYXdzEPT//////////wEXAMPLE"));

        Assert.Equal(SigV4FailureReason.SecurityTokenNotSigned, result.Failure?.Reason);
    }

    [Fact]
    public void Signing_key_matches_the_documented_derivation_example()
    {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        byte[] key = SigV4SigningKey.Derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }
}
