namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>What a finished backup job knows beyond its request: the vault's key and lock, and the recovery point it committed.</summary>
internal sealed record BackupJobResult
{
    public string? RecoveryPointArn { get; init; }

    public string? EncryptionKeyArn { get; init; }

    /// <summary>LOCKED or UNLOCKED once the vault was opened.</summary>
    public string? VaultLockState { get; init; }

    /// <summary>The engine's id of the committed recovery point (64 hex digits).</summary>
    public string? EngineRecoveryPointId { get; init; }

    /// <summary>The recovery point an incremental backup compared against.</summary>
    public string? ParentRecoveryPointArn { get; init; }
}
