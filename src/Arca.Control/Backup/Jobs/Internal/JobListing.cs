using Arca.Control.Backup.Internal;
using Arca.Control.Jobs;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// Pages through a job collection in key order (job ids: UUIDv7-shaped, so roughly creation order). The store filters
/// on account, state and the creation window; the remaining filters are applied here while reading batches, so a page
/// costs about as much as the jobs it skips.
/// </summary>
internal static class JobListing
{
    /// <summary>ListBackupJobs, ListCopyJobs and ListRestoreJobs return jobs of the last 30 days.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private const int Batch = 256;

    public static async Task<BackupPage<JobRecord>> PageAsync(IMetadataStore store, Collection<JobRecord> jobs, PageTokens tokens, JobScan scan, CancellationToken cancellationToken)
    {
        string? cursor = BackupPaging.After(tokens, scan.Scope, scan.NextToken);
        var accounts = new HashSet<string>(scan.Accounts, StringComparer.Ordinal);
        var found = new List<JobRecord>();
        while (accounts.Count > 0)
        {
            string? after = cursor;
            IReadOnlyList<JobRecord> batch = await store.TransactAsync(tx => jobs.ListAsync(tx, new DocumentQuery
            {
                I1 = accounts.Count == 1 ? scan.Accounts[0] : null,
                I2 = scan.State,
                I3From = SortableTime.ToIndex(scan.CreatedFrom),
                I3To = scan.CreatedTo is { } to ? SortableTime.ToIndex(to) : null,
                AfterKey = after,
                Limit = Batch,
            }), cancellationToken).ConfigureAwait(false);
            foreach (JobRecord job in batch)
            {
                cursor = jobs.KeyOf(job);
                if (accounts.Contains(job.AccountId) && scan.Matches(job))
                {
                    found.Add(job);
                    if (found.Count > scan.Limit)
                    {
                        break;
                    }
                }
            }

            if (batch.Count < Batch || found.Count > scan.Limit)
            {
                break;
            }
        }

        return BackupPaging.Page(found, scan.Limit, tokens, scan.Scope, jobs.KeyOf, j => j);
    }
}
