using System.Text;

using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>Credentials, a clock and signed requests shared by the verifier tests.</summary>
internal static class SigV4TestRequests
{
    public const string KeyId = "AKIAARCAEXAMPLE00001";
    public const string Secret = "arcaSecretKey/K7MDENG+bPxRfiCYEXAMPLEKEY1";
    public const string TemporaryKeyId = "ASIAARCAEXAMPLE00002";
    public const string TemporarySecret = "arcaTemporarySecret/K7MDENG+bPxRfiCYEXAMP";
    public const string SessionToken = "FwoGZXIvYXdzEArcaSessionToken+/==";

    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 5, 41, 59, TimeSpan.Zero);

    public static readonly SigV4Signer Signer = new();

    /// <summary>The credential store: one long-term key and one temporary key valid for an hour after T0.</summary>
    public static SigV4SecretCredential? Lookup(string accessKeyId) => accessKeyId switch
    {
        KeyId => new SigV4SecretCredential(Secret),
        TemporaryKeyId => new SigV4SecretCredential(TemporarySecret, SessionToken, T0.AddHours(1)),
        _ => null,
    };

    /// <summary>An unsigned Backup-like request with a JSON body.</summary>
    public static SigV4Request Unsigned(
        string method = "PUT",
        string target = "/backup-vaults/cabvault?x=1",
        string body = "{\"EncryptionKeyArn\":\"arn:aws:kms:us-east-1:111111111111:key/k\"}") =>
        new(method, target, [new("Host", "127.0.0.1:8799"), new("Content-Type", "application/json"), new("X-Custom", "a  b")],
            Encoding.UTF8.GetBytes(body));

    public static SigV4SigningParameters Parameters(string service = "backup", DateTimeOffset? at = null, bool temporary = false) =>
        temporary
            ? new(TemporaryKeyId, TemporarySecret, "us-east-1", service, at ?? T0) { SessionToken = SessionToken, AddContentSha256Header = false }
            : new(KeyId, Secret, "us-east-1", service, at ?? T0) { AddContentSha256Header = false };

    /// <summary>A request signed like the AWS CLI signs (no X-Amz-Content-SHA256).</summary>
    public static SigV4Request Signed(string service = "backup", DateTimeOffset? at = null, bool temporary = false) =>
        Signer.Sign(Unsigned(), Parameters(service, at, temporary));

    /// <summary>Replaces the Authorization header's component <paramref name="name"/> value.</summary>
    public static SigV4Request WithAuthorizationPart(SigV4Request request, string name, string value)
    {
        string header = request.HeaderValues("authorization").Single();
        string[] parts = header["AWS4-HMAC-SHA256 ".Length..].Split(", ");
        string rebuilt = string.Join(", ", parts.Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? $"{name}={value}" : p));
        return request.WithHeader("Authorization", "AWS4-HMAC-SHA256 " + rebuilt);
    }

    /// <summary>Signs by hand: <paramref name="signedHeaders"/> and the date string chosen by the test.</summary>
    public static SigV4Request SignManually(SigV4Request request, string[] signedHeaders, string amzDate, string secret = Secret, string keyId = KeyId)
    {
        var scope = new SigV4Scope(amzDate[..8], "us-east-1", "backup");
        string payload = SigV4Canonicalizer.HexSha256(request.Body.Span);
        string canonical = SigV4Canonicalizer.CanonicalRequest(request, signedHeaders, payload, SigV4Flavor.Standard);
        string signature = SigV4SigningKey.Sign(
            SigV4SigningKey.Derive(secret, scope.Date, scope.Region, scope.Service),
            SigV4Canonicalizer.StringToSign(amzDate, scope, canonical));
        return request.WithHeader("Authorization",
            $"AWS4-HMAC-SHA256 Credential={keyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
    }
}
