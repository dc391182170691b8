using System.Text;

using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// Requests the Debian AWS CLI 2.9.19 really sent to a logging listener on 127.0.0.1:47811
/// (credentials AKIDARCACLITEST / <see cref="Secret"/>), replayed byte for byte. They pin the
/// double encoding of ARN path labels, a signed session token, a hashed form body without
/// X-Amz-Content-SHA256, a signed X-Amz-Target, and scopes in a region of the client's choosing.
/// </summary>
public sealed class AwsCliCapturedRequestTests
{
    private const string AccessKeyId = "AKIDARCACLITEST";
    private const string Secret = "arcaCliTestSecret/K7MDENG+bPxRfiCYEXAMPLE";
    private const string SessionToken = "arca-session-token+/=";
    private const string UserAgent = "aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v657 source/x86_64.debian.12 prompt/off";

    private static readonly SigV4Request ListTags = new(
        "GET",
        "/tags/arn%3Aaws%3Aec2%3Aus-east-1%3A111111111111%3Avolume%2Fvol-1/",
        [
            new("Host", "127.0.0.1:47811"),
            new("Accept-Encoding", "identity"),
            new("User-Agent", UserAgent + " command/backup.list-tags"),
            new("X-Amz-Date", "20261126T063236Z"),
            new("X-Amz-Security-Token", SessionToken),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDARCACLITEST/20261126/us-east-1/backup/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=04eeee775200086879b1cf4516518a3cafcb80147738e5cf558e7e96a2fe6fc7"),
        ],
        ReadOnlyMemory<byte>.Empty);

    private static readonly SigV4Request GetCallerIdentity = new(
        "POST",
        "/",
        [
            new("Host", "127.0.0.1:47811"),
            new("Accept-Encoding", "identity"),
            new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("User-Agent", UserAgent + " command/sts.get-caller-identity"),
            new("X-Amz-Date", "20261126T063237Z"),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDARCACLITEST/20261126/eu-west-1/sts/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=a00950e17967295eab4d5e4c02e6db8db51089c7a0b45a5c98a52a8f7e716fbf"),
            new("Content-Length", "43"),
        ],
        Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-15"));

    private static readonly SigV4Request CreateKey = new(
        "POST",
        "/",
        [
            new("Host", "127.0.0.1:47811"),
            new("Accept-Encoding", "identity"),
            new("X-Amz-Target", "TrentService.CreateKey"),
            new("Content-Type", "application/x-amz-json-1.1"),
            new("User-Agent", UserAgent + " command/kms.create-key"),
            new("X-Amz-Date", "20261126T063237Z"),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDARCACLITEST/20261126/eu-west-1/kms/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=945de803993ed442418b6c1191bb9448b61c4ae0286404daefff4f2c9d10f99c"),
            new("Content-Length", "2"),
        ],
        "{}"u8.ToArray());

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 33, 0, TimeSpan.Zero);

    [Fact]
    public void Arn_path_label_is_encoded_twice_in_the_canonical_uri()
    {
        Assert.Equal(
            "/tags/arn%253Aaws%253Aec2%253Aus-east-1%253A111111111111%253Avolume%252Fvol-1/",
            SigV4Canonicalizer.CanonicalUri(ListTags.RawPath, SigV4Flavor.Standard));
    }

    [Fact]
    public void Cli_list_tags_with_a_session_token_is_authenticated()
    {
        SigV4VerificationResult result = new SigV4Verifier().Verify(ListTags, Now, Lookup(SessionToken));

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(new SigV4Identity(AccessKeyId, "us-east-1", "backup", new(2026, 11, 26, 6, 32, 36, TimeSpan.Zero), SessionToken,
            SigV4AuthMechanism.AuthorizationHeader), result.Identity);
    }

    [Fact]
    public void Cli_list_tags_fails_when_the_path_is_encoded_only_once()
    {
        var singleEncoding = new SigV4Verifier(new SigV4VerifierOptions { ProfileOf = _ => new(SigV4Flavor.S3, SigV4ErrorDialect.RestJson) });

        SigV4VerificationResult result = singleEncoding.Verify(ListTags, Now, Lookup(SessionToken));

        Assert.Equal(SigV4FailureReason.SignatureMismatch, result.Failure?.Reason);
    }

    [Fact]
    public void Cli_sts_call_signed_for_eu_west_1_is_authenticated_with_its_body_hashed()
    {
        SigV4VerificationResult result = new SigV4Verifier().Verify(GetCallerIdentity, Now, Lookup(null));

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(("eu-west-1", "sts"), (result.Identity.Region, result.Identity.Service));
    }

    [Fact]
    public void Cli_sts_call_with_another_body_is_refused_with_the_query_code()
    {
        SigV4Request tampered = GetCallerIdentity with { Body = Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-16") };

        SigV4VerificationResult result = new SigV4Verifier().Verify(tampered, Now, Lookup(null));

        Assert.Equal(new SigV4Error("SignatureDoesNotMatch", 403, result.Failure!.Message), result.Error);
    }

    [Fact]
    public void Cli_kms_call_with_signed_target_is_authenticated()
    {
        SigV4VerificationResult result = new SigV4Verifier().Verify(CreateKey, Now, Lookup(null));

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal("kms", result.Identity.Service);
    }

    [Fact]
    public void Cli_kms_call_with_another_target_is_refused_with_the_json_code()
    {
        SigV4Request tampered = CreateKey.WithHeader("X-Amz-Target", "TrentService.ScheduleKeyDeletion");

        SigV4VerificationResult result = new SigV4Verifier().Verify(tampered, Now, Lookup(null));

        Assert.Equal(("InvalidSignatureException", 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Signer_reproduces_the_cli_signature()
    {
        SigV4Request unsigned = ListTags with
        {
            Headers = [.. ListTags.Headers.Where(h => h.Key is "Host")],
        };
        var parameters = new SigV4SigningParameters(AccessKeyId, Secret, "us-east-1", "backup", new(2026, 11, 26, 6, 32, 36, TimeSpan.Zero))
        {
            SessionToken = SessionToken,
            AddContentSha256Header = false,
        };

        SigV4Request signed = new SigV4Signer().Sign(unsigned, parameters);

        Assert.Equal(ListTags.HeaderValues("authorization"), signed.HeaderValues("authorization"));
    }

    private static SigV4CredentialLookup Lookup(string? token) =>
        key => key == AccessKeyId ? new SigV4SecretCredential(Secret, token) : null;
}
