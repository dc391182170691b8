using System.Text;

using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// Property-style tests with a seeded <see cref="Random"/>: random methods, raw paths (encoded,
/// half-encoded, unicode, dot segments), queries (repeated names, empty values, stray '%'),
/// headers (repeated, mixed case, runs of whitespace), bodies, services and credentials; each is
/// signed, must verify, and must be refused after one random tampering, with the right reason.
/// </summary>
public sealed class SigV4RoundTripTests
{
    private const int Iterations = 400;
    private static readonly string[] Services = ["backup", "kms", "organizations", "sts", "s3"];
    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH"];
    private static readonly string[] Tamperings = ["body", "path", "query", "header", "secret", "late", "early", "unknown-key", "token", "method"];

    [Theory]
    [InlineData(1)]
    [InlineData(20261126)]
    public void Random_signed_requests_verify_and_every_tampering_is_refused(int seed)
    {
        var random = new Random(seed);
        var signer = new SigV4Signer();
        var verifier = new SigV4Verifier();
        for (int i = 0; i < Iterations; i++)
        {
            (SigV4Request request, SigV4SigningParameters parameters, DateTimeOffset now) = RandomCase(random);
            SigV4Request signed = signer.Sign(request, parameters);
            var credential = new SigV4SecretCredential(parameters.SecretAccessKey, parameters.SessionToken);
            SigV4CredentialLookup lookup = key => key == parameters.AccessKeyId ? credential : null;

            SigV4VerificationResult result = verifier.Verify(signed, now, lookup);
            Assert.True(result.IsAuthenticated, $"case {i}: {result.Failure?.Message} for {signed.Method} {signed.RawTarget}");
            Assert.Equal((parameters.AccessKeyId, parameters.Service, parameters.SessionToken),
                (result.Identity.AccessKeyId, result.Identity.Service, result.Identity.SessionToken));

            string tampering = Tamperings[random.Next(Tamperings.Length)];
            (SigV4Request tampered, DateTimeOffset at, SigV4CredentialLookup tamperedLookup, SigV4FailureReason expected) =
                Tamper(tampering, signed, parameters, credential, lookup, now);
            SigV4VerificationResult refused = verifier.Verify(tampered, at, tamperedLookup);

            Assert.False(refused.IsAuthenticated, $"case {i}: {tampering} accepted for {signed.Method} {signed.RawTarget}");
            Assert.Equal(expected, refused.Failure.Reason);
            Assert.DoesNotContain(parameters.SecretAccessKey, refused.Error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(parameters.SessionToken ?? "\0", refused.Error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(7)]
    public void Random_presigned_requests_verify_until_they_expire(int seed)
    {
        var random = new Random(seed);
        var signer = new SigV4Signer();
        var verifier = new SigV4Verifier();
        for (int i = 0; i < Iterations / 4; i++)
        {
            (SigV4Request request, SigV4SigningParameters parameters, DateTimeOffset now) = RandomCase(random);
            var expires = TimeSpan.FromSeconds(random.Next(1, 604_800));
            SigV4Request presigned = signer.Presign(request, parameters, expires);
            SigV4CredentialLookup lookup = _ => new SigV4SecretCredential(parameters.SecretAccessKey, parameters.SessionToken);

            Assert.True(verifier.Verify(presigned, parameters.Time + expires, lookup).IsAuthenticated, $"case {i}: {presigned.RawTarget}");
            Assert.Equal(SigV4FailureReason.PresignedRequestExpired,
                verifier.Verify(presigned, parameters.Time + expires + TimeSpan.FromSeconds(1), lookup).Failure?.Reason);
        }
    }

    private static (SigV4Request, SigV4SigningParameters, DateTimeOffset) RandomCase(Random random)
    {
        string service = Services[random.Next(Services.Length)];
        var headers = new List<KeyValuePair<string, string>> { new(RandomCase(random, "Host"), $"127.0.0.1:{random.Next(1, 65536)}") };
        for (int h = random.Next(5); h > 0; h--)
        {
            string name = RandomCase(random, $"X-Rand-{random.Next(3)}");
            headers.Add(new(name, RandomHeaderValue(random)));
        }

        byte[] body = new byte[random.Next(3) == 0 ? 0 : random.Next(1, 300)];
        random.NextBytes(body);
        var request = new SigV4Request(Methods[random.Next(Methods.Length)], RandomPath(random) + RandomQuery(random), headers, body);
        DateTimeOffset time = SigV4TestRequests.T0.AddSeconds(random.Next(-86_400, 86_400));
        var parameters = new SigV4SigningParameters($"AKID{random.Next(1000)}", RandomText(random, 40), $"region-{random.Next(5)}", service, time)
        {
            SessionToken = random.Next(2) == 0 ? null : RandomText(random, 60),
            AddContentSha256Header = random.Next(2) == 0,
        };
        return (request, parameters, time.AddSeconds(random.Next(-899, 900)));
    }

    private static (SigV4Request, DateTimeOffset, SigV4CredentialLookup, SigV4FailureReason) Tamper(
        string tampering, SigV4Request signed, SigV4SigningParameters parameters, SigV4SecretCredential credential,
        SigV4CredentialLookup lookup, DateTimeOffset now)
    {
        const SigV4FailureReason Mismatch = SigV4FailureReason.SignatureMismatch;
        return tampering switch
        {
            "body" => (signed with { Body = (byte[])[.. signed.Body.ToArray(), 0x2A] }, now, lookup,
                parameters.AddContentSha256Header ? SigV4FailureReason.PayloadHashMismatch : Mismatch),
            "path" => (signed with { RawTarget = signed.RawPath.TrimEnd('/') + "/extra?" + signed.RawQuery }, now, lookup, Mismatch),
            "query" => (signed with { RawTarget = signed.RawPath + "?" + signed.RawQuery + "&tamper=1" }, now, lookup, Mismatch),
            "header" => (signed.WithHeader("Host", signed.HeaderValues("host").Single() + "0"), now, lookup, Mismatch),
            "method" => (signed with { Method = signed.Method + "X" }, now, lookup, Mismatch),
            "secret" => (signed, now, _ => credential with { SecretAccessKey = credential.SecretAccessKey + "x" }, Mismatch),
            "late" => (signed, parameters.Time.AddMinutes(15).AddSeconds(1), lookup, SigV4FailureReason.RequestTimeTooSkewed),
            "early" => (signed, parameters.Time.AddMinutes(-15).AddSeconds(-1), lookup, SigV4FailureReason.RequestTimeTooSkewed),
            "unknown-key" => (signed, now, _ => null, SigV4FailureReason.UnknownAccessKey),
            _ => (signed, now, _ => credential with { SessionToken = credential.SessionToken is null ? "unexpected" : null },
                SigV4FailureReason.InvalidSecurityToken),
        };
    }

    private static string RandomPath(Random random)
    {
        string[] pieces = ["a", "vault-1", "arn%3Aaws%3Abackup%3Aus-east-1%3A111111111111%3Abackup-vault%3Av", "%2F", "..", ".", "",
            "x%20y", "ü", "caf%C3%A9", "100%", "a+b", "~_-.", "%7e", "%zz", "*", "(1)", "@:!$&'=;,"];
        var path = new StringBuilder();
        for (int s = random.Next(6); s >= 0; s--)
        {
            path.Append('/').Append(pieces[random.Next(pieces.Length)]);
        }

        return random.Next(3) == 0 ? path.Append('/').ToString() : path.ToString();
    }

    private static string RandomQuery(Random random)
    {
        if (random.Next(3) == 0)
        {
            return string.Empty;
        }

        string[] names = ["a", "A", "b", "nextToken", "x%20y", "%E2%82%AC", "k+1", "empty"];
        string[] values = ["", "1", "10", "2", "a%2Fb", "2025-01-01T00%3A00%3A00Z", "%", "sp ace", "\u00e9", "=="];
        IEnumerable<string> pairs = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(6) == 0
            ? names[random.Next(names.Length)]
            : $"{names[random.Next(names.Length)]}={values[random.Next(values.Length)]}");
        return "?" + string.Join('&', pairs);
    }

    private static string RandomHeaderValue(Random random)
    {
        string[] values = ["v", "  padded  ", "a   b\t\tc", "\"quoted   value\"", "x,y", "ünï", "", "application/json; charset=utf-8"];
        return values[random.Next(values.Length)];
    }

    private static string RandomText(Random random, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        return new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }

    private static string RandomCase(Random random, string name) =>
        new([.. name.Select(c => random.Next(2) == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
}
