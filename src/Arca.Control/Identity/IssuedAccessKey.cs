namespace Arca.Control.Identity;

/// <summary>Credentials handed to their owner once: the key id, the secret and, for sessions, the token and expiry.</summary>
public sealed record IssuedAccessKey(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>A description safe to log: no secret, no token.</summary>
    public override string ToString() => $"IssuedAccessKey {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, ExpiresAt = {ExpiresAt:O} }}";
}
