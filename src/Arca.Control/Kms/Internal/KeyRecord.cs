namespace Arca.Control.Kms.Internal;

/// <summary>
/// A KMS key as stored in its region's metadata store (collection <c>kms-keys</c>). The key material is only ever here
/// sealed (<see cref="KeyMaterial"/>); <see cref="ToString"/> shows neither it nor the policy.
/// </summary>
internal sealed record KeyRecord
{
    public required string KeyId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string Arn { get; init; }

    public string Description { get; init; } = string.Empty;

    public required KeyState State { get; init; }

    public required KeyManager Manager { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? DeletionDate { get; init; }

    public int? PendingWindowInDays { get; init; }

    /// <summary>The key policy as the client sent it (or the default policy as AWS writes it).</summary>
    public required string Policy { get; init; }

    /// <summary>The key material sealed by the region's master key (<see cref="KeyMaterial.Seal"/>).</summary>
    public required string SealedMaterial { get; init; }

    public IReadOnlyList<KmsTag> Tags { get; init; } = [];

    /// <summary>True when the key is pending deletion and its deletion date has passed: it no longer exists.</summary>
    public bool IsDeletedAt(DateTimeOffset now) => State == KeyState.PendingDeletion && DeletionDate <= now;

    public KeyMetadata ToMetadata() => new()
    {
        AccountId = AccountId,
        KeyId = KeyId,
        Arn = Arn,
        Region = Region,
        CreationDate = CreationDate,
        Description = Description,
        KeyState = State,
        KeyManager = Manager,
        DeletionDate = State == KeyState.PendingDeletion ? DeletionDate : null,
        PendingDeletionWindowInDays = State == KeyState.PendingDeletion ? PendingWindowInDays : null,
    };

    /// <inheritdoc/>
    public override string ToString() => $"KeyRecord({Arn}, {State}, {Manager})";
}
