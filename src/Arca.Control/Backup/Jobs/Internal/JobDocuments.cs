using System.Text.Json;
using Arca.Control.Jobs;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>The typed request and result of backup and restore job documents.</summary>
internal static class JobDocuments
{
    public static JsonElement ToElement(BackupJobSpec spec) => JsonSerializer.SerializeToElement(spec, BackupJobsJson.Default.BackupJobSpec);

    public static JsonElement ToElement(BackupJobResult result) => JsonSerializer.SerializeToElement(result, BackupJobsJson.Default.BackupJobResult);

    public static JsonElement ToElement(RestoreJobSpec spec) => JsonSerializer.SerializeToElement(spec, BackupJobsJson.Default.RestoreJobSpec);

    public static JsonElement ToElement(RestoreJobResult result) => JsonSerializer.SerializeToElement(result, BackupJobsJson.Default.RestoreJobResult);

    public static BackupJobSpec BackupSpec(JobRecord job) =>
        job.Spec.Deserialize(BackupJobsJson.Default.BackupJobSpec) ?? throw new InvalidDataException($"backup job {job.JobId} has no request");

    public static BackupJobResult BackupResult(JobRecord job) =>
        job.Result is { ValueKind: JsonValueKind.Object } result ? result.Deserialize(BackupJobsJson.Default.BackupJobResult) ?? new() : new();

    public static RestoreJobSpec RestoreSpec(JobRecord job) =>
        job.Spec.Deserialize(BackupJobsJson.Default.RestoreJobSpec) ?? throw new InvalidDataException($"restore job {job.JobId} has no request");

    public static RestoreJobResult RestoreResult(JobRecord job) =>
        job.Result is { ValueKind: JsonValueKind.Object } result ? result.Deserialize(BackupJobsJson.Default.RestoreJobResult) ?? new() : new();
}
