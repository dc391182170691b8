using Arca.Domain.Plans;

namespace Arca.Control.Backup.Jobs;

/// <summary>StartBackupJob's input (members nullable as on the wire; the service reports what is missing).</summary>
public sealed record StartBackupJobRequest
{
    public string? BackupVaultName { get; init; }

    public string? ResourceArn { get; init; }

    public string? IamRoleArn { get; init; }

    public string? IdempotencyToken { get; init; }

    public long? StartWindowMinutes { get; init; }

    public long? CompleteWindowMinutes { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public IReadOnlyDictionary<string, string>? RecoveryPointTags { get; init; }

    public IReadOnlyDictionary<string, string>? BackupOptions { get; init; }
}
