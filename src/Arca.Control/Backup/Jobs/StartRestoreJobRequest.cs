namespace Arca.Control.Backup.Jobs;

/// <summary>StartRestoreJob's input (members nullable as on the wire).</summary>
public sealed record StartRestoreJobRequest
{
    public string? RecoveryPointArn { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public string? IamRoleArn { get; init; }

    public string? IdempotencyToken { get; init; }

    public string? ResourceType { get; init; }

    public bool? CopySourceTagsToRestoredResource { get; init; }
}
