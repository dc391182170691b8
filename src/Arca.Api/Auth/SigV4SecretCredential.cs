namespace Arca.Api.Auth;

/// <summary>
/// What the credential store knows about one access key: its secret and, for temporary
/// credentials, the session token the request must carry and when the credentials expire.
/// </summary>
/// <param name="SecretAccessKey">The secret access key. Never logged: <see cref="ToString"/> hides it.</param>
/// <param name="SessionToken">The session token a request must present, or null for a long-term key.</param>
/// <param name="ExpiresAt">When temporary credentials stop working, or null for never.</param>
public sealed record SigV4SecretCredential(string SecretAccessKey, string? SessionToken = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>A description safe to log: neither the secret nor the session token is printed.</summary>
    public override string ToString() =>
        $"SigV4SecretCredential {{ SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")}, ExpiresAt = {ExpiresAt:O} }}";
}
