using Arca.Domain.Plans;

namespace Arca.Control.Backup.Copies;

/// <summary>StartCopyJob's members (AWS <c>StartCopyJobInput</c>).</summary>
public sealed record StartCopyJobRequest
{
    public string? RecoveryPointArn { get; init; }

    public string? SourceBackupVaultName { get; init; }

    public string? DestinationBackupVaultArn { get; init; }

    public string? IamRoleArn { get; init; }

    public string? IdempotencyToken { get; init; }

    /// <summary>The copy's lifecycle; null keeps the source recovery point's.</summary>
    public Lifecycle? Lifecycle { get; init; }
}
