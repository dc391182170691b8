namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary><c>recovery-points/{account}/{vault}/{id}</c>: a catalog entry (docs/design/backup-service.md §3).</summary>
internal sealed record RecoveryPointDocument
{
    /// <summary>The id in the recovery point's ARN (<c>…:recovery-point:ID</c>).</summary>
    public required string Id { get; init; }

    public required RecoveryPointRecord RecoveryPoint { get; init; }

    /// <summary>When the entry was added: a vault lock binds recovery points cataloged after it was applied.</summary>
    public required DateTimeOffset CatalogedAt { get; init; }
}
