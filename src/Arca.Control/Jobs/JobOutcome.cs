using System.Text.Json;

namespace Arca.Control.Jobs;

/// <summary>How a runner ended a job: the terminal state, AWS's status message and category, and the kind's result.</summary>
public sealed record JobOutcome(string State, string? StatusMessage = null, string? MessageCategory = null, JsonElement? Result = null)
{
    public long? BackupSizeInBytes { get; init; }

    public long? BytesTransferred { get; init; }
}
