using System.Text.Json;
using Arca.Control.Jobs;

namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// What differs between the three summary operations: the IAM action, the job queue of a region, the states a request may
/// name (AWS's BackupJobStatus, CopyJobStatus, RestoreJobState) and whether rows carry a message category.
/// </summary>
public sealed record JobSummaryKind(string Action, Func<RegionJobs, string, JobQueue> Queue, IReadOnlyList<string> States, bool HasMessageCategory)
{
    public static JobSummaryKind Backup { get; } = new(
        "backup:ListBackupJobSummaries",
        (jobs, region) => jobs.Backup(region),
        ["CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED", "EXPIRED", "PARTIAL"],
        true);

    /// <summary>Copy jobs: counted from the region's copy queue (what a copy job's spec calls <c>ResourceType</c>).</summary>
    public static JobSummaryKind Copy { get; } = new(
        "backup:ListCopyJobSummaries",
        (jobs, region) => jobs.Copy(region),
        ["CREATED", "RUNNING", "ABORTING", "ABORTED", "COMPLETING", "COMPLETED", "FAILING", "FAILED", "PARTIAL"],
        true);

    public static JobSummaryKind Restore { get; } = new(
        "backup:ListRestoreJobSummaries",
        (jobs, region) => jobs.Restore(region),
        ["CREATED", "PENDING", "RUNNING", "ABORTED", "COMPLETED", "FAILED"],
        false);

    /// <summary>
    /// The summary row of a job: every kind's spec records the resource type as <c>ResourceType</c> (the contract a new
    /// job kind keeps to be summarized).
    /// </summary>
    public JobSummaryRow Row(string region, JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        string type = job.Spec.ValueKind == JsonValueKind.Object && job.Spec.TryGetProperty("ResourceType", out JsonElement t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : "Unknown";
        return new JobSummaryRow(job.AccountId, region, job.State, type, HasMessageCategory ? job.MessageCategory : null, job.CreationDate);
    }
}
