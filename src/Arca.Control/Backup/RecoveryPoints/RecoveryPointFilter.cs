namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>ListRecoveryPointsByBackupVault's filters; null members do not filter.</summary>
public sealed record RecoveryPointFilter
{
    public string? ResourceArn { get; init; }

    public string? ResourceType { get; init; }

    public string? BackupPlanId { get; init; }

    /// <summary>Only recovery points created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Only recovery points created after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Only members of this composite recovery point: Arca has none, so nothing matches.</summary>
    public string? ParentRecoveryPointArn { get; init; }
}
