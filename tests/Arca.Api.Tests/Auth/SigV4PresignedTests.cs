using Arca.Api.Auth;

using static Arca.Api.Tests.Auth.SigV4TestRequests;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4PresignedTests
{
    private static readonly SigV4Request GetObject =
        new("GET", "/bucket/folder/report%202026.pdf?versionId=3", [new("Host", "s3.local:9000")], ReadOnlyMemory<byte>.Empty);

    private readonly SigV4Verifier _verifier = new();

    [Fact]
    public void Presigned_s3_url_is_authenticated_until_it_expires()
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromHours(2));

        SigV4VerificationResult result = _verifier.Verify(presigned, T0.AddHours(2), Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(new SigV4Identity(KeyId, "us-east-1", "s3", T0, null, SigV4AuthMechanism.QueryString), result.Identity);
        Assert.StartsWith("/bucket/folder/report%202026.pdf?versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAARCAEXAMPLE00001%2F20261126%2F",
            presigned.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public void Presigned_url_after_its_expiry_is_refused()
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromHours(2));

        SigV4VerificationResult result = _verifier.Verify(presigned, T0.AddHours(2).AddSeconds(1), Lookup);

        Assert.Equal(SigV4FailureReason.PresignedRequestExpired, result.Failure?.Reason);
        Assert.Equal(("AccessDenied", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Presigned_url_from_the_future_is_refused()
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromHours(2));

        Assert.Equal(SigV4FailureReason.RequestTimeTooSkewed, _verifier.Verify(presigned, T0.AddMinutes(-16), Lookup).Failure?.Reason);
        Assert.True(_verifier.Verify(presigned, T0.AddMinutes(-15), Lookup).IsAuthenticated);
    }

    [Fact]
    public void Presigned_url_may_not_last_longer_than_a_week()
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        Assert.Equal(SigV4FailureReason.MalformedAuthorization, _verifier.Verify(presigned, T0, Lookup).Failure?.Reason);
    }

    [Theory]
    [InlineData("versionId=3", "versionId=4")]
    [InlineData("report%202026", "report%202027")]
    [InlineData("X-Amz-Expires=7200", "X-Amz-Expires=7201")]
    [InlineData("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=host%3Bx-a")]
    public void Changed_presigned_url_is_refused(string original, string replacement)
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromHours(2));
        SigV4Request tampered = presigned with { RawTarget = presigned.RawTarget.Replace(original, replacement, StringComparison.Ordinal) };

        Assert.NotEqual(presigned.RawTarget, tampered.RawTarget);
        Assert.Equal(SigV4FailureReason.SignatureMismatch, _verifier.Verify(tampered, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Presigned_url_with_a_session_token_carries_and_checks_it()
    {
        SigV4Request presigned = Signer.Presign(GetObject, Parameters("s3", temporary: true), TimeSpan.FromMinutes(5));
        SigV4Request withoutToken = presigned with
        {
            RawTarget = string.Join('&', presigned.RawTarget.Split('&').Where(p => !p.StartsWith("X-Amz-Security-Token=", StringComparison.Ordinal))),
        };

        SigV4VerificationResult result = _verifier.Verify(presigned, T0, Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(SessionToken, result.Identity.SessionToken);
        Assert.Equal(SigV4FailureReason.InvalidSecurityToken, _verifier.Verify(withoutToken, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Presigned_sts_request_signs_the_body_hash()
    {
        var getCallerIdentity = new SigV4Request("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", [new("Host", "127.0.0.1:8799")], ReadOnlyMemory<byte>.Empty);
        SigV4Request presigned = Signer.Presign(getCallerIdentity, Parameters("sts"), TimeSpan.FromSeconds(60));

        SigV4VerificationResult result = _verifier.Verify(presigned, T0.AddSeconds(30), Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(SigV4FailureReason.PresignedRequestExpired, _verifier.Verify(presigned, T0.AddSeconds(61), Lookup).Failure?.Reason);
        Assert.Equal("SignatureDoesNotMatch", _verifier.Verify(presigned, T0.AddSeconds(61), Lookup).Error?.Code);
    }

    [Fact]
    public void Presign_needs_whole_positive_seconds_and_a_host()
    {
        Assert.Throws<ArgumentException>(() => Signer.Presign(GetObject, Parameters("s3"), TimeSpan.FromMilliseconds(1500)));
        Assert.Throws<ArgumentException>(() => Signer.Presign(GetObject, Parameters("s3"), TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => Signer.Presign(GetObject with { Headers = [] }, Parameters("s3"), TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => Signer.Sign(GetObject with { Headers = [] }, Parameters("s3")));
    }
}
