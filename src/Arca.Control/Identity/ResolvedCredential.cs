namespace Arca.Control.Identity;

/// <summary>
/// What an access key stands for: its secret (to verify a signature), and the principal behind it. Found by
/// <see cref="CredentialStore.FindAsync"/>, also for expired sessions (the verifier answers ExpiredToken).
/// </summary>
public sealed record ResolvedCredential
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    /// <summary>The session token a request must carry; null for a root key.</summary>
    public string? SessionToken { get; init; }

    /// <summary>When temporary credentials stop working; null for a root key.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public required string AccountId { get; init; }

    public required AccessKeyKind Kind { get; init; }

    /// <summary>For sessions: the assumed role's ARN (with its path), id and the session name.</summary>
    public string? RoleArn { get; init; }

    public string? RoleId { get; init; }

    public string? SessionName { get; init; }

    /// <summary>A description safe to log: no secret, no token.</summary>
    public override string ToString() => $"ResolvedCredential {{ AccessKeyId = {AccessKeyId}, AccountId = {AccountId}, Kind = {Kind}, RoleArn = {RoleArn}, SecretAccessKey = ***, ExpiresAt = {ExpiresAt:O} }}";
}
