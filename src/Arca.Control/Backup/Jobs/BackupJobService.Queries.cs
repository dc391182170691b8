using System.Globalization;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Jobs;

/// <summary>The read side of backup jobs: DescribeBackupJob and ListBackupJobs.</summary>
public sealed partial class BackupJobService
{
    private static readonly string[] States = [.. Enum.GetValues<BackupJobState>().Select(JobStateNames.ToWire)];

    public async Task<BackupJobDetails> DescribeAsync(CallerIdentity caller, string? backupJobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = string.IsNullOrEmpty(backupJobId) ? throw BackupErrors.Missing("BackupJobId") : backupJobId;
        await authorizer.AuthorizeAsync(caller, "backup:DescribeBackupJob", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        JobRecord? job = await jobs.Backup(caller.Region).GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null || !await visibility.CanReadAsync(caller, job.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(id);
        }

        return JobViews.Backup(job);
    }

    /// <summary>ListBackupJobs: jobs created in the last 30 days that pass every filter, in job-id (about creation) order.</summary>
    public async Task<BackupPage<BackupJobDetails>> ListAsync(CallerIdentity caller, BackupJobFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        string? state = JobInputs.StateFilter(filter.ByState, "ByState", States);
        string? account = JobInputs.AccountFilter(filter.ByAccountId);
        string? type = JobInputs.ResourceTypeFilter(filter.ByResourceType);
        string? vault = filter.ByBackupVaultName is null ? null : JobInputs.VaultName(filter.ByBackupVaultName, "ByBackupVaultName");
        string? category = JobInputs.CategoryFilter(filter.ByMessageCategory);
        int limit = BackupPaging.Limit(filter.MaxResults);
        await authorizer.AuthorizeAsync(caller, "backup:ListBackupJobs", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> accounts = await visibility.ListableAccountsAsync(caller, account, cancellationToken).ConfigureAwait(false);

        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset from = Later(now - JobListing.Window, filter.ByCreatedAfter);
        bool Matches(JobRecord job)
        {
            BackupJobSpec spec = JobDocuments.BackupSpec(job);
            return (filter.ByResourceArn is null || spec.ResourceArn == filter.ByResourceArn)
                && (vault is null || spec.BackupVaultName == vault)
                && (type is null || spec.ResourceType == type)
                && (filter.ByCreatedAfter is not { } after || job.CreationDate > after)
                && (filter.ByCompleteAfter is not { } completeAfter || job.CompletionDate > completeAfter)
                && (filter.ByCompleteBefore is not { } completeBefore || job.CompletionDate < completeBefore)
                && filter.ByParentJobId is null // Arca's jobs have no parent (no composite resources)
                && (category is null || string.Equals(job.MessageCategory, category, StringComparison.OrdinalIgnoreCase));
        }

        string scope = "backup-jobs:" + caller.AccountId + ":" + ClientTokens.Fingerprint(
            string.Join(',', accounts), state ?? string.Empty, type ?? string.Empty, vault ?? string.Empty, category ?? string.Empty,
            filter.ByResourceArn ?? string.Empty, filter.ByParentJobId ?? string.Empty, Text(filter.ByCreatedAfter), Text(filter.ByCreatedBefore),
            Text(filter.ByCompleteAfter), Text(filter.ByCompleteBefore));
        var scan = new JobScan(scope, accounts, state, from, filter.ByCreatedBefore, Matches, filter.NextToken, limit);
        BackupPage<JobRecord> page = await JobListing.PageAsync(
            regions.Get(caller.Region).Store, jobs.Backup(caller.Region).Jobs, tokens, scan, cancellationToken).ConfigureAwait(false);
        return new BackupPage<BackupJobDetails>([.. page.Items.Select(JobViews.Backup)], page.NextToken);
    }

    internal static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    internal static string Text(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
