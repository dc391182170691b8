using Arca.Api.Auth;

using static Arca.Api.Tests.Auth.SigV4TestRequests;

namespace Arca.Api.Tests.Auth;

/// <summary>Secrets and session tokens never appear in messages or in any ToString (DESIGN.md §4).</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public void Values_that_hold_secrets_print_without_them()
    {
        string[] printed =
        [
            new SigV4SecretCredential(Secret, SessionToken, T0).ToString(),
            Parameters(temporary: true).ToString(),
            new SigV4Identity(TemporaryKeyId, "us-east-1", "backup", T0, SessionToken, SigV4AuthMechanism.AuthorizationHeader).ToString(),
        ];

        foreach (string text in printed)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TemporarySecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Failures_name_no_secret_token_or_canonical_request()
    {
        var verifier = new SigV4Verifier();
        SigV4Request temporary = Signed(temporary: true);
        SigV4Request[] requests =
        [
            temporary with { Method = "GET" },
            temporary.WithHeader("X-Amz-Security-Token", SessionToken + "x"),
            temporary.WithHeader("Authorization", $"AWS4-HMAC-SHA256 Credential={SessionToken}, SignedHeaders=host, Signature={SessionToken}"),
            temporary.WithHeader("Authorization", Secret),
            temporary.WithHeader("X-Amz-Date", SessionToken),
        ];

        foreach (SigV4Request request in requests)
        {
            SigV4VerificationResult result = verifier.Verify(request, T0, Lookup);
            Assert.False(result.IsAuthenticated);
            foreach (string text in new[] { result.Error.Message, result.ToString() })
            {
                Assert.DoesNotContain(TemporarySecret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
                Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
            }
        }
    }
}
