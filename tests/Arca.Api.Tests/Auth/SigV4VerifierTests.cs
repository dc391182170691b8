using System.Text;

using Arca.Api.Auth;

using static Arca.Api.Tests.Auth.SigV4TestRequests;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4VerifierTests
{
    private readonly SigV4Verifier _verifier = new();

    [Fact]
    public void Signed_request_is_authenticated_with_its_scope()
    {
        SigV4VerificationResult result = _verifier.Verify(Signed(), T0.AddSeconds(2), Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(new SigV4Identity(KeyId, "us-east-1", "backup", T0, null, SigV4AuthMechanism.AuthorizationHeader), result.Identity);
        Assert.Null(result.Error);
    }

    public static TheoryData<string> Tamperings() =>
    [
        "method", "path", "path-encoding", "query-value", "query-added", "body", "signed-header-value", "host", "amz-date",
        "signature-flipped", "signature-truncated", "signed-headers-reduced", "region", "service-in-scope",
    ];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Any_change_to_a_signed_part_is_refused_as_signature_mismatch(string tampering)
    {
        SigV4Request signed = Signed();
        SigV4Request tampered = tampering switch
        {
            "method" => signed with { Method = "POST" },
            "path" => signed with { RawTarget = "/backup-vaults/othervault?x=1" },
            "path-encoding" => signed with { RawTarget = "/backup-vaults/cab%76ault?x=1" },
            "query-value" => signed with { RawTarget = "/backup-vaults/cabvault?x=2" },
            "query-added" => signed with { RawTarget = "/backup-vaults/cabvault?x=1&y=2" },
            "body" => signed with { Body = Encoding.UTF8.GetBytes("{\"EncryptionKeyArn\":\"arn:aws:kms:us-east-1:222222222222:key/k\"}") },
            "signed-header-value" => signed.WithHeader("Content-Type", "application/x-amz-json-1.1"),
            "host" => signed.WithHeader("Host", "127.0.0.1:8800"),
            "amz-date" => signed.WithHeader("X-Amz-Date", "20261126T054200Z"),
            "signature-flipped" => WithAuthorizationPart(signed, "Signature", Flip(SignatureOf(signed))),
            "signature-truncated" => WithAuthorizationPart(signed, "Signature", SignatureOf(signed)[..63]),
            "signed-headers-reduced" => WithAuthorizationPart(signed, "SignedHeaders", "host;x-amz-date"),
            "region" => WithAuthorizationPart(signed, "Credential", $"{KeyId}/20261126/eu-west-1/backup/aws4_request"),
            "service-in-scope" => WithAuthorizationPart(signed, "Credential", $"{KeyId}/20261126/us-east-1/kms/aws4_request"),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };

        SigV4VerificationResult result = _verifier.Verify(tampered, T0, Lookup);

        Assert.Equal(SigV4FailureReason.SignatureMismatch, result.Failure?.Reason);
        Assert.StartsWith("The request signature we calculated does not match", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsigned_headers_may_change()
    {
        SigV4Request changed = Signed().WithHeader("User-Agent", "another/1.0").WithHeader("amz-sdk-invocation-id", "x");

        Assert.True(_verifier.Verify(changed, T0, Lookup).IsAuthenticated);
    }

    [Fact]
    public void Uppercase_hex_signature_is_accepted()
    {
        SigV4Request signed = Signed();

        Assert.True(_verifier.Verify(WithAuthorizationPart(signed, "Signature", SignatureOf(signed).ToUpperInvariant()), T0, Lookup).IsAuthenticated);
    }

    [Fact]
    public void Changed_body_under_a_signed_content_hash_is_refused()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters() with { AddContentSha256Header = true });
        SigV4Request tampered = signed with { Body = Encoding.UTF8.GetBytes("{}") };

        Assert.True(_verifier.Verify(signed, T0, Lookup).IsAuthenticated);
        SigV4VerificationResult result = _verifier.Verify(tampered, T0, Lookup);
        Assert.Equal(SigV4FailureReason.PayloadHashMismatch, result.Failure?.Reason);
        Assert.Equal(("InvalidSignatureException", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Transport_computed_body_hash_replaces_the_body()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters() with { AddContentSha256Header = true });
        SigV4Request streamed = signed with { Body = ReadOnlyMemory<byte>.Empty, BodySha256 = SigV4Canonicalizer.HexSha256(signed.Body.Span) };
        SigV4Request wrong = streamed with { BodySha256 = SigV4Canonicalizer.HexSha256("{}"u8) };

        Assert.True(_verifier.Verify(streamed, T0, Lookup).IsAuthenticated);
        Assert.Equal(SigV4FailureReason.PayloadHashMismatch, _verifier.Verify(wrong, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Wrong_secret_is_refused_as_signature_mismatch()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters() with { SecretAccessKey = Secret + "x" });

        Assert.Equal(SigV4FailureReason.SignatureMismatch, _verifier.Verify(signed, T0, Lookup).Failure?.Reason);
    }

    [Theory]
    [InlineData("sts", "InvalidClientTokenId", 403)]
    [InlineData("iam", "InvalidClientTokenId", 403)]
    [InlineData("kms", "UnrecognizedClientException", 400)]
    [InlineData("organizations", "UnrecognizedClientException", 400)]
    [InlineData("backup", "UnrecognizedClientException", 403)]
    [InlineData("s3", "InvalidAccessKeyId", 403)]
    public void Unknown_key_gets_the_code_of_the_service_protocol(string service, string code, int status)
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters(service) with { AccessKeyId = "AKIAUNKNOWN" });

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.UnknownAccessKey, result.Failure?.Reason);
        Assert.Equal(new SigV4Error(code, status, "The security token included in the request is invalid."), result.Error);
    }

    [Theory]
    [InlineData(SigV4ErrorDialect.RestJson, "MissingAuthenticationTokenException", 403)]
    [InlineData(SigV4ErrorDialect.Query, "MissingAuthenticationToken", 403)]
    [InlineData(SigV4ErrorDialect.AwsJson, "MissingAuthenticationTokenException", 400)]
    public void Request_without_authentication_is_refused_in_the_default_dialect(SigV4ErrorDialect dialect, string code, int status)
    {
        var verifier = new SigV4Verifier(new SigV4VerifierOptions { DefaultDialect = dialect });

        SigV4VerificationResult result = verifier.Verify(Unsigned(), T0, Lookup);

        Assert.Equal(new SigV4Error(code, status, "Request is missing Authentication Token"), result.Error);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(15 * 60, true)]
    [InlineData((15 * 60) + 1, false)]
    [InlineData(-15 * 60, true)]
    [InlineData((-15 * 60) - 1, false)]
    [InlineData(24 * 3600, false)]
    public void Request_time_must_be_within_fifteen_minutes_of_now(int secondsSinceSigning, bool accepted)
    {
        SigV4VerificationResult result = _verifier.Verify(Signed(), T0.AddSeconds(secondsSinceSigning), Lookup);

        Assert.Equal(accepted, result.IsAuthenticated);
        Assert.Equal(accepted ? null : SigV4FailureReason.RequestTimeTooSkewed, result.Failure?.Reason);
    }

    [Fact]
    public void Old_request_is_refused_with_aws_signature_expired_message()
    {
        SigV4VerificationResult result = _verifier.Verify(Signed("sts"), T0.AddMinutes(20), Lookup);

        Assert.Equal(new SigV4Error("SignatureDoesNotMatch", 403,
            "Signature expired: 20261126T054159Z is now earlier than 20261126T054659Z (20261126T060159Z - 15 min.)"), result.Error);
    }

    [Fact]
    public void Request_from_the_future_is_refused_with_not_yet_current_message()
    {
        SigV4VerificationResult result = _verifier.Verify(Signed("kms"), T0.AddMinutes(-20), Lookup);

        Assert.Equal(new SigV4Error("InvalidSignatureException", 400,
            "Signature not yet current: 20261126T054159Z is still later than 20261126T053659Z (20261126T052159Z + 15 min.)"), result.Error);
    }

    [Fact]
    public void Request_signed_yesterday_is_refused_even_with_a_matching_scope()
    {
        SigV4Request yesterday = Signed(at: T0.AddDays(-1));

        Assert.Equal(SigV4FailureReason.RequestTimeTooSkewed, _verifier.Verify(yesterday, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Scope_date_that_disagrees_with_x_amz_date_is_refused()
    {
        SigV4Request signed = WithAuthorizationPart(Signed(), "Credential", $"{KeyId}/20261125/us-east-1/backup/aws4_request");

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(new SigV4Failure(SigV4FailureReason.InvalidCredentialScope,
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261125' != '20261126', from '20261126T054159Z'."),
            result.Failure);
    }

    [Fact]
    public void Scope_terminator_other_than_aws4_request_is_refused()
    {
        SigV4Request signed = WithAuthorizationPart(Signed("sts"), "Credential", $"{KeyId}/20261126/us-east-1/sts/aws4_requests");

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.InvalidCredentialScope, result.Failure?.Reason);
        Assert.Equal(("InvalidSignatureException", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Missing_date_is_refused()
    {
        SigV4Request signed = Signed();
        SigV4Request undated = signed with { Headers = [.. signed.Headers.Where(h => h.Key != "X-Amz-Date")] };

        SigV4VerificationResult result = _verifier.Verify(undated, T0, Lookup);

        Assert.Equal(new SigV4Failure(SigV4FailureReason.MissingDate,
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."), result.Failure);
        Assert.Equal(("IncompleteSignatureException", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Theory]
    [InlineData("2026-11-26T05:41:59Z")]
    [InlineData("20261126T054159")]
    [InlineData("20261126")]
    public void Malformed_x_amz_date_is_refused(string amzDate)
    {
        Assert.Equal(SigV4FailureReason.InvalidDate, _verifier.Verify(Signed().WithHeader("X-Amz-Date", amzDate), T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Date_header_serves_when_x_amz_date_is_absent()
    {
        SigV4Request request = Unsigned().WithHeader("Date", "Thu, 26 Nov 2026 05:41:59 GMT");
        SigV4Request signed = SignManually(request, ["content-type", "date", "host"], "20261126T054159Z");

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal(T0, result.Identity.SignedAt);
    }

    [Fact]
    public void Host_must_be_signed()
    {
        SigV4Request signed = SignManually(Unsigned().WithHeader("X-Amz-Date", "20261126T054159Z"), ["content-type", "x-amz-date"], "20261126T054159Z");

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.HostNotSigned, result.Failure?.Reason);
    }

    [Fact]
    public void Temporary_credentials_with_their_signed_token_are_authenticated()
    {
        SigV4VerificationResult result = _verifier.Verify(Signed(temporary: true), T0, Lookup);

        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal((TemporaryKeyId, SessionToken), (result.Identity.AccessKeyId, result.Identity.SessionToken));
    }

    [Fact]
    public void Temporary_credentials_without_their_token_are_refused()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters(temporary: true) with { SessionToken = null });

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.InvalidSecurityToken, result.Failure?.Reason);
        Assert.Equal("UnrecognizedClientException", result.Error?.Code);
    }

    [Fact]
    public void Temporary_credentials_with_another_token_are_refused()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters("sts", temporary: true) with { SessionToken = SessionToken + "x" });

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.InvalidSecurityToken, result.Failure?.Reason);
        Assert.Equal(("InvalidClientTokenId", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Token_sent_but_not_signed_is_refused()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters(temporary: true) with { SessionToken = null })
            .WithHeader("X-Amz-Security-Token", SessionToken);

        SigV4VerificationResult result = _verifier.Verify(signed, T0, Lookup);

        Assert.Equal(SigV4FailureReason.SecurityTokenNotSigned, result.Failure?.Reason);
        Assert.Equal(("IncompleteSignatureException", 403), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Fact]
    public void Token_presented_with_a_long_term_key_is_refused()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters() with { SessionToken = SessionToken });

        Assert.Equal(SigV4FailureReason.InvalidSecurityToken, _verifier.Verify(signed, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Expired_temporary_credentials_are_refused()
    {
        SigV4Request signed = Signed(temporary: true, at: T0.AddHours(1));

        SigV4VerificationResult result = _verifier.Verify(signed, T0.AddHours(1), Lookup);

        Assert.Equal(new SigV4Error("ExpiredTokenException", 403, "The security token included in the request is expired."), result.Error);
    }

    [Fact]
    public void Expiry_of_temporary_credentials_is_told_only_to_the_token_holder()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters(temporary: true, at: T0.AddHours(1)) with { SessionToken = "guess" });

        Assert.Equal(SigV4FailureReason.InvalidSecurityToken, _verifier.Verify(signed, T0.AddHours(1), Lookup).Failure?.Reason);
    }

    [Fact]
    public void Unsigned_payload_is_refused_outside_s3()
    {
        SigV4Request signed = Signer.Sign(Unsigned(), Parameters("s3") with { UnsignedPayload = true });
        SigV4Request forBackup = Signer.Sign(Unsigned(), Parameters("backup") with { Flavor = SigV4Flavor.S3, UnsignedPayload = true });

        Assert.True(_verifier.Verify(signed, T0, Lookup).IsAuthenticated);
        Assert.True(_verifier.Verify(signed with { Body = "other"u8.ToArray() }, T0, Lookup).IsAuthenticated);
        Assert.Equal(SigV4FailureReason.UnsignedPayloadNotAllowed, _verifier.Verify(forBackup, T0, Lookup).Failure?.Reason);
    }

    [Theory]
    [InlineData("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")]
    [InlineData("abc")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85z")]
    public void Content_hash_header_must_be_a_sha256(string value)
    {
        SigV4Request request = Signed().WithHeader("X-Amz-Content-SHA256", value);

        Assert.Equal(SigV4FailureReason.InvalidPayloadHash, _verifier.Verify(request, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Two_authorization_headers_are_refused()
    {
        SigV4Request signed = Signed();
        SigV4Request doubled = signed with { Headers = [.. signed.Headers, new("authorization", signed.HeaderValues("authorization").Single())] };

        Assert.Equal(SigV4FailureReason.MalformedAuthorization, _verifier.Verify(doubled, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public void Header_and_query_authentication_together_are_refused()
    {
        SigV4Request signed = Signed();

        SigV4VerificationResult result = _verifier.Verify(signed with { RawTarget = signed.RawTarget + "&X-Amz-Signature=abc" }, T0, Lookup);

        Assert.Equal(SigV4FailureReason.AmbiguousAuthentication, result.Failure?.Reason);
    }

    [Fact]
    public void Credential_lookup_is_not_called_for_a_request_refused_before_it()
    {
        int calls = 0;
        SigV4SecretCredential? Counting(string key)
        {
            calls++;
            return Lookup(key);
        }

        _ = _verifier.Verify(Unsigned(), T0, Counting);
        _ = _verifier.Verify(Signed(), T0.AddHours(1), Counting);
        _ = _verifier.Verify(Signed().WithHeader("X-Amz-Date", "bad"), T0, Counting);
        _ = _verifier.Verify(Signed(), T0, Counting);

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Allowed_services_and_regions_limit_the_scope()
    {
        var verifier = new SigV4Verifier(new SigV4VerifierOptions
        {
            AllowedServices = new HashSet<string> { "backup", "sts" },
            AllowedRegions = new HashSet<string> { "us-east-1" },
        });
        SigV4Request otherRegion = Signer.Sign(Unsigned(), Parameters() with { Region = "eu-west-1" });

        Assert.True(verifier.Verify(Signed(), T0, Lookup).IsAuthenticated);
        Assert.Equal(SigV4FailureReason.InvalidCredentialScope, verifier.Verify(Signed("kms"), T0, Lookup).Failure?.Reason);
        Assert.Equal(SigV4FailureReason.InvalidCredentialScope, verifier.Verify(otherRegion, T0, Lookup).Failure?.Reason);
    }

    [Fact]
    public async Task Async_lookup_gives_the_same_result()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        ValueTask<SigV4SecretCredential?> LookupAsync(string key, CancellationToken token)
        {
            seen = token;
            return ValueTask.FromResult(Lookup(key));
        }

        SigV4VerificationResult ok = await _verifier.VerifyAsync(Signed(temporary: true), T0, LookupAsync, cancellation.Token);
        SigV4VerificationResult refused = await _verifier.VerifyAsync(Signed() with { Method = "GET" }, T0, LookupAsync, cancellation.Token);

        Assert.True(ok.IsAuthenticated);
        Assert.Equal(SigV4FailureReason.SignatureMismatch, refused.Failure?.Reason);
        Assert.Equal(cancellation.Token, seen);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SigV4Verifier(new SigV4VerifierOptions { MaxClockSkew = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new SigV4Verifier(new SigV4VerifierOptions { MaxPresignedExpiry = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SigV4Verifier(new SigV4VerifierOptions { SigningKeyCacheCapacity = 0 }));
    }

    private static string SignatureOf(SigV4Request request) =>
        request.HeaderValues("authorization").Single().Split("Signature=")[1];

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];
}
