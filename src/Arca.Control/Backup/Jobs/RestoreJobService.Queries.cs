using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Domain.Arns;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Jobs;

/// <summary>The read side of restore jobs: DescribeRestoreJob, ListRestoreJobs, ListRestoreJobsByProtectedResource, GetRestoreJobMetadata.</summary>
public sealed partial class RestoreJobService
{
    private static readonly string[] Statuses = [.. Enum.GetValues<RestoreJobStatus>().Select(JobStateNames.ToWire)];

    public async Task<RestoreJobDetails> DescribeAsync(CallerIdentity caller, string? restoreJobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        JobRecord job = await ReadAsync(caller, restoreJobId, "backup:DescribeRestoreJob", cancellationToken).ConfigureAwait(false);
        return JobViews.Restore(job);
    }

    /// <summary>GetRestoreJobMetadata: the metadata the job was started with (a connection string without its password).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetMetadataAsync(CallerIdentity caller, string? restoreJobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        JobRecord job = await ReadAsync(caller, restoreJobId, "backup:GetRestoreJobMetadata", cancellationToken).ConfigureAwait(false);
        return JobDocuments.RestoreSpec(job).Metadata;
    }

    /// <summary>ListRestoreJobs: restore jobs of the last 30 days passing every filter.</summary>
    public async Task<BackupPage<RestoreJobDetails>> ListAsync(CallerIdentity caller, RestoreJobFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        await authorizer.AuthorizeAsync(caller, "backup:ListRestoreJobs", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await PageAsync(caller, filter, "ByStatus", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>ListRestoreJobsByProtectedResource: the caller's restore jobs of recovery points of <paramref name="resourceArn"/>.</summary>
    public async Task<BackupPage<RestoreJobDetails>> ListByProtectedResourceAsync(
        CallerIdentity caller, string? resourceArn, RestoreJobFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrEmpty(resourceArn))
        {
            throw BackupErrors.Missing("ResourceArn");
        }

        if (!Arn.TryParse(resourceArn, out _, out _))
        {
            throw BackupErrors.InvalidParameterValue($"ResourceArn: '{JobInputs.Cut(resourceArn)}' is not an ARN");
        }

        await authorizer.AuthorizeAsync(caller, "backup:ListRestoreJobsByProtectedResource", resourceArn, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await PageAsync(caller, filter with { ByAccountId = null, BySourceResourceArn = resourceArn }, "ByStatus", cancellationToken).ConfigureAwait(false);
    }

    private async Task<JobRecord> ReadAsync(CallerIdentity caller, string? restoreJobId, string action, CancellationToken cancellationToken)
    {
        string id = string.IsNullOrEmpty(restoreJobId) ? throw BackupErrors.Missing("RestoreJobId") : restoreJobId;
        await authorizer.AuthorizeAsync(caller, action, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        JobRecord? job = await jobs.Restore(caller.Region).GetAsync(id, cancellationToken).ConfigureAwait(false);
        return job is not null && await visibility.CanReadAsync(caller, job.AccountId, cancellationToken).ConfigureAwait(false)
            ? job
            : throw NotFound(id);
    }

    private async Task<BackupPage<RestoreJobDetails>> PageAsync(CallerIdentity caller, RestoreJobFilter filter, string statusField, CancellationToken cancellationToken)
    {
        string? status = JobInputs.StateFilter(filter.ByStatus, statusField, Statuses);
        string? account = JobInputs.AccountFilter(filter.ByAccountId);
        string? type = JobInputs.ResourceTypeFilter(filter.ByResourceType);
        int limit = BackupPaging.Limit(filter.MaxResults);
        IReadOnlyList<string> accounts = await visibility.ListableAccountsAsync(caller, account, cancellationToken).ConfigureAwait(false);
        DateTimeOffset from = BackupJobService.Later(time.GetUtcNow() - JobListing.Window, filter.ByCreatedAfter);
        bool Matches(JobRecord job)
        {
            RestoreJobSpec spec = JobDocuments.RestoreSpec(job);
            return (type is null || spec.ResourceType == type)
                && (filter.BySourceResourceArn is null || spec.SourceResourceArn == filter.BySourceResourceArn)
                && (filter.ByCreatedAfter is not { } after || job.CreationDate > after)
                && (filter.ByCompleteAfter is not { } completeAfter || job.CompletionDate > completeAfter)
                && (filter.ByCompleteBefore is not { } completeBefore || job.CompletionDate < completeBefore)
                && (filter.ByRecoveryPointCreationDateAfter is not { } pointAfter || spec.RecoveryPointCreationDate > pointAfter)
                && (filter.ByRecoveryPointCreationDateBefore is not { } pointBefore || spec.RecoveryPointCreationDate < pointBefore)
                && filter.ByParentJobId is null
                && filter.ByRestoreTestingPlanArn is null; // Arca has no restore testing plans
        }

        string scope = "restore-jobs:" + caller.AccountId + ":" + ClientTokens.Fingerprint(
            string.Join(',', accounts), status ?? string.Empty, type ?? string.Empty, filter.BySourceResourceArn ?? string.Empty,
            filter.ByParentJobId ?? string.Empty, filter.ByRestoreTestingPlanArn ?? string.Empty,
            BackupJobService.Text(filter.ByCreatedAfter), BackupJobService.Text(filter.ByCreatedBefore),
            BackupJobService.Text(filter.ByCompleteAfter), BackupJobService.Text(filter.ByCompleteBefore),
            BackupJobService.Text(filter.ByRecoveryPointCreationDateAfter), BackupJobService.Text(filter.ByRecoveryPointCreationDateBefore));
        var scan = new JobScan(scope, accounts, status, from, filter.ByCreatedBefore, Matches, filter.NextToken, limit);
        BackupPage<JobRecord> page = await JobListing.PageAsync(
            regions.Get(caller.Region).Store, jobs.Restore(caller.Region).Jobs, tokens, scan, cancellationToken).ConfigureAwait(false);
        return new BackupPage<RestoreJobDetails>([.. page.Items.Select(JobViews.Restore)], page.NextToken);
    }
}
