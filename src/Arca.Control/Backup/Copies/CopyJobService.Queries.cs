using Arca.Control.Backup.Copies.Internal;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Copies;

/// <summary>The read side of copy jobs: DescribeCopyJob and ListCopyJobs (in the source region, where copy jobs live).</summary>
public sealed partial class CopyJobService
{
    private static readonly string[] States = [.. Enum.GetValues<CopyJobState>().Select(JobStateNames.ToWire)];

    public async Task<CopyJobDetails> DescribeAsync(CallerIdentity caller, string? copyJobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = string.IsNullOrEmpty(copyJobId) ? throw BackupErrors.Missing("CopyJobId") : copyJobId;
        await authorizer.AuthorizeAsync(caller, "backup:DescribeCopyJob", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        JobRecord? job = await jobs.Copy(caller.Region).GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null || !await visibility.CanReadAsync(caller, job.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(id);
        }

        return CopyJobViews.Copy(job);
    }

    /// <summary>ListCopyJobs: jobs created in the last 30 days that pass every filter, in job-id (about creation) order.</summary>
    public async Task<BackupPage<CopyJobDetails>> ListAsync(CallerIdentity caller, CopyJobFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        string? state = JobInputs.StateFilter(filter.ByState, "ByState", States);
        string? account = JobInputs.AccountFilter(filter.ByAccountId);
        string? type = JobInputs.ResourceTypeFilter(filter.ByResourceType);
        string? category = JobInputs.CategoryFilter(filter.ByMessageCategory);
        int limit = BackupPaging.Limit(filter.MaxResults);
        await authorizer.AuthorizeAsync(caller, "backup:ListCopyJobs", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> accounts = await visibility.ListableAccountsAsync(caller, account, cancellationToken).ConfigureAwait(false);

        DateTimeOffset from = Later(time.GetUtcNow() - JobListing.Window, filter.ByCreatedAfter);
        bool Matches(JobRecord job)
        {
            CopyJobSpec spec = CopyJobsJson.SpecOf(job);
            return (filter.ByResourceArn is null || spec.ResourceArn == filter.ByResourceArn)
                && (type is null || spec.ResourceType == type)
                && (filter.ByDestinationVaultArn is null || spec.DestinationBackupVaultArn == filter.ByDestinationVaultArn)
                && (filter.BySourceRecoveryPointArn is null || spec.SourceRecoveryPointArn == filter.BySourceRecoveryPointArn)
                && (filter.ByCreatedAfter is not { } after || job.CreationDate > after)
                && (filter.ByCompleteAfter is not { } completeAfter || job.CompletionDate > completeAfter)
                && (filter.ByCompleteBefore is not { } completeBefore || job.CompletionDate < completeBefore)
                && filter.ByParentJobId is null // Arca's copy jobs have no parent (no composite recovery points)
                && (category is null || string.Equals(job.MessageCategory, category, StringComparison.OrdinalIgnoreCase));
        }

        string scope = "copy-jobs:" + caller.AccountId + ":" + ClientTokens.Fingerprint(
            string.Join(',', accounts), state ?? string.Empty, type ?? string.Empty, category ?? string.Empty, filter.ByResourceArn ?? string.Empty,
            filter.ByDestinationVaultArn ?? string.Empty, filter.BySourceRecoveryPointArn ?? string.Empty, filter.ByParentJobId ?? string.Empty,
            Text(filter.ByCreatedAfter), Text(filter.ByCreatedBefore), Text(filter.ByCompleteAfter), Text(filter.ByCompleteBefore));
        var scan = new JobScan(scope, accounts, state, from, filter.ByCreatedBefore, Matches, filter.NextToken, limit);
        BackupPage<JobRecord> page = await JobListing.PageAsync(
            regions.Get(caller.Region).Store, jobs.Copy(caller.Region).Jobs, tokens, scan, cancellationToken).ConfigureAwait(false);
        return new BackupPage<CopyJobDetails>([.. page.Items.Select(CopyJobViews.Copy)], page.NextToken);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    private static string Text(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
