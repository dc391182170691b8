namespace Arca.Control.Identity.Internal;

/// <summary>An access key as stored in the <c>access-keys</c> collection; secrets sealed by <see cref="SecretSealer"/>.</summary>
internal sealed record AccessKeyRecord
{
    public required string AccessKeyId { get; init; }

    public required string AccountId { get; init; }

    public required AccessKeyKind Kind { get; init; }

    public required string SealedSecret { get; init; }

    public string? SealedSessionToken { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? RoleArn { get; init; }

    public string? RoleId { get; init; }

    public string? SessionName { get; init; }
}
