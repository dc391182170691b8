namespace Arca.Control.Backup.Copies.Internal;

/// <summary>What a copy job learned while running: the destination vault's key and lock, and the copy it committed.</summary>
internal sealed record CopyJobResult
{
    public string? DestinationRecoveryPointArn { get; init; }

    public string? DestinationEncryptionKeyArn { get; init; }

    /// <summary>LOCKED or UNLOCKED once the destination vault was opened.</summary>
    public string? DestinationVaultLockState { get; init; }

    /// <summary>The engine's id of the committed copy (64 hex digits).</summary>
    public string? EngineRecoveryPointId { get; init; }

    /// <summary>Why a check refused the copy (the policy evaluator's reason), for the server log and support; not on the wire.</summary>
    public string? DenialReason { get; init; }
}
