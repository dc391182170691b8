using System.Text.Json;

namespace Arca.Control.Jobs;

/// <summary>
/// A durable job (docs/design/backup-service.md §4): the lifecycle every kind shares — state, dates,
/// windows, progress, lease — plus the kind's own request (<see cref="Spec"/>) and outcome
/// (<see cref="Result"/>) as JSON that the kind's service reads with its own typed records.
/// </summary>
public sealed record JobRecord
{
    public required string JobId { get; init; }

    public required JobKind Kind { get; init; }

    /// <summary>The account the job belongs to (for copies: the source account, as on AWS).</summary>
    public required string AccountId { get; init; }

    /// <summary>The AWS state name (CREATED, RUNNING, COMPLETED…).</summary>
    public required string State { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>The job may not start before this time (a scheduled job's scheduled time).</summary>
    public required DateTimeOffset StartAfter { get; init; }

    /// <summary>The job expires when it has not started by this time.</summary>
    public DateTimeOffset? StartBy { get; init; }

    /// <summary>The job expires when it has not completed by this time.</summary>
    public DateTimeOffset? CompleteBy { get; init; }

    public DateTimeOffset? InitiationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public string? StatusMessage { get; init; }

    public string? MessageCategory { get; init; }

    public double PercentDone { get; init; }

    public long BytesTransferred { get; init; }

    public long BackupSizeInBytes { get; init; }

    /// <summary>How many times a worker has started the job.</summary>
    public int Attempts { get; init; }

    /// <summary>The node incarnation holding the job while it runs.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public string? IdempotencyToken { get; init; }

    /// <summary>The kind's request, as its service wrote it.</summary>
    public required JsonElement Spec { get; init; }

    /// <summary>The kind's outcome (recovery point, created resource…), once known.</summary>
    public JsonElement? Result { get; init; }
}
