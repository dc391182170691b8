using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>BackupJobSummary, CopyJobSummary and RestoreJobSummary (the last without MessageCategory).</summary>
internal sealed record JobSummaryWire(
    string Region,
    string AccountId,
    string State,
    string ResourceType,
    string? MessageCategory,
    int Count,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime);

internal sealed record ListBackupJobSummariesOutput(IReadOnlyList<JobSummaryWire> BackupJobSummaries, string AggregationPeriod, string? NextToken);

internal sealed record ListCopyJobSummariesOutput(IReadOnlyList<JobSummaryWire> CopyJobSummaries, string AggregationPeriod, string? NextToken);

internal sealed record ListRestoreJobSummariesOutput(IReadOnlyList<JobSummaryWire> RestoreJobSummaries, string AggregationPeriod, string? NextToken);

/// <summary>The wire JSON of the job summaries (restJson1): absent members omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(ListBackupJobSummariesOutput))]
[JsonSerializable(typeof(ListCopyJobSummariesOutput))]
[JsonSerializable(typeof(ListRestoreJobSummariesOutput))]
internal sealed partial class JobSummaryWireJson : JsonSerializerContext;
