namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary>
/// <c>protected-resources/{account}/{resource ARN}</c>: a resource with at least one recovery point in the region, its latest
/// one, and how many it has; kept in the catalog's transactions.
/// </summary>
internal sealed record ProtectedResourceDocument
{
    public required string AccountId { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    /// <summary>The creation date of the latest recovery point.</summary>
    public required DateTimeOffset LastBackupTime { get; init; }

    public required string LastBackupVaultArn { get; init; }

    public required string LastRecoveryPointArn { get; init; }

    public long RecoveryPoints { get; init; }
}
