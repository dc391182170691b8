using System.Text.RegularExpressions;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// ListBackupJobSummaries, ListCopyJobSummaries and ListRestoreJobSummaries: job counts of the caller's region for the
/// last 14 days. Which accounts count is <see cref="IJobVisibility"/>'s decision, as for the job listings: a monitoring
/// account (cross-account monitoring enabled) may ask for <c>ANY</c> (a row per account of its organization),
/// <c>AGGREGATE_ALL</c> (their sum) or one account of its organization; everyone else gets its own counts whatever it asks.
/// </summary>
/// <remarks>Thread-safe. Reads every job of the period of the accounts shown (indexed by account and creation time).</remarks>
public sealed partial class JobSummaryService(RegionJobs jobs, Authorizer authorizer, IJobVisibility visibility, PageTokens tokens, TimeProvider time)
{
    private const int Batch = 512;

    public Task<JobSummaryPage> ListBackupAsync(CallerIdentity caller, JobSummaryRequest request, CancellationToken cancellationToken = default) =>
        ListAsync(caller, JobSummaryKind.Backup, request, cancellationToken);

    public Task<JobSummaryPage> ListCopyAsync(CallerIdentity caller, JobSummaryRequest request, CancellationToken cancellationToken = default) =>
        ListAsync(caller, JobSummaryKind.Copy, request, cancellationToken);

    public Task<JobSummaryPage> ListRestoreAsync(CallerIdentity caller, JobSummaryRequest request, CancellationToken cancellationToken = default) =>
        ListAsync(caller, JobSummaryKind.Restore, request with { MessageCategory = null }, cancellationToken);

    /// <summary>AggregationPeriod's wire name.</summary>
    public static string Name(JobSummaryPeriod period) => period switch
    {
        JobSummaryPeriod.OneDay => "ONE_DAY",
        JobSummaryPeriod.SevenDays => "SEVEN_DAYS",
        _ => "FOURTEEN_DAYS",
    };

    private async Task<JobSummaryPage> ListAsync(CallerIdentity caller, JobSummaryKind kind, JobSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        JobSummaryQuery query = Query(kind, request);
        string? byAccount = request.AccountId switch
        {
            null => null,
            "*" or JobSummarySelector.Any or JobSummarySelector.AggregateAll => "*",
            _ => request.AccountId,
        };
        int limit = BackupPaging.Limit(request.MaxResults);
        await authorizer.AuthorizeAsync(caller, kind.Action, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> accounts = await visibility.ListableAccountsAsync(caller, byAccount, cancellationToken).ConfigureAwait(false);

        string scope = "job-summaries:" + kind.Action + ":" + caller.AccountId + ":" + ClientTokens.Fingerprint(
            string.Join(',', accounts), request.AccountId ?? string.Empty, request.State ?? string.Empty, request.ResourceType ?? string.Empty,
            request.MessageCategory ?? string.Empty, Name(query.Period));
        string? after = BackupPaging.After(tokens, scope, request.NextToken);

        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset from = JobSummaryAggregator.Buckets(query.Period, now)[0].Start;
        JobQueue queue = kind.Queue(jobs, caller.Region);
        var rows = new List<JobSummaryRow>();
        foreach (string account in accounts)
        {
            await foreach (JobRecord job in ReadAsync(queue, account, from, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(kind.Row(caller.Region, job));
            }
        }

        IReadOnlyList<JobSummary> all = JobSummaryAggregator.Aggregate(rows, query, now);
        List<JobSummary> rest = after is null ? [.. all] : [.. all.Where(s => string.CompareOrdinal(JobSummaryAggregator.Key(s), after) > 0)];
        BackupPage<JobSummary> page = BackupPaging.Page(rest, limit, tokens, scope, JobSummaryAggregator.Key, s => s);
        return new JobSummaryPage(page.Items, Name(query.Period), page.NextToken);
    }

    private static async IAsyncEnumerable<JobRecord> ReadAsync(
        JobQueue queue, string account, DateTimeOffset from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<JobRecord> batch = await queue.ListAsync(
                new DocumentQuery { I1 = account, I3From = SortableTime.ToIndex(from), AfterKey = after, Limit = Batch }, cancellationToken).ConfigureAwait(false);
            foreach (JobRecord job in batch)
            {
                after = queue.Jobs.KeyOf(job);
                yield return job;
            }

            if (batch.Count < Batch)
            {
                yield break;
            }
        }
    }

    /// <summary>Checks the request (every error names its member) and turns it into the aggregator's query.</summary>
    private static JobSummaryQuery Query(JobSummaryKind kind, JobSummaryRequest request)
    {
        if (request.AccountId is not (null or "*" or JobSummarySelector.Any or JobSummarySelector.AggregateAll) && !AccountPattern().IsMatch(request.AccountId))
        {
            throw Invalid("AccountId", request.AccountId, "must be a 12-digit account id, ANY or AGGREGATE_ALL");
        }

        if (request.State is not (null or JobSummarySelector.Any or JobSummarySelector.AggregateAll) && !kind.States.Contains(request.State, StringComparer.Ordinal))
        {
            throw Invalid("State", request.State, $"must be one of {string.Join(", ", kind.States)}, ANY or AGGREGATE_ALL");
        }

        if (request.ResourceType is not null && !ResourceTypePattern().IsMatch(request.ResourceType))
        {
            throw Invalid("ResourceType", request.ResourceType, "must contain 1 to 50 alphanumeric or '-_.' characters");
        }

        if (request.MessageCategory is not null && (request.MessageCategory.Length is 0 or > 128 || request.MessageCategory.Any(char.IsControl)))
        {
            throw Invalid("MessageCategory", request.MessageCategory, "must be 1 to 128 printable characters");
        }

        JobSummaryPeriod period = request.AggregationPeriod switch
        {
            null or "ONE_DAY" => JobSummaryPeriod.OneDay,
            "SEVEN_DAYS" => JobSummaryPeriod.SevenDays,
            "FOURTEEN_DAYS" => JobSummaryPeriod.FourteenDays,
            _ => throw Invalid("AggregationPeriod", request.AggregationPeriod, "must be one of ONE_DAY, SEVEN_DAYS, FOURTEEN_DAYS"),
        };
        return new JobSummaryQuery
        {
            Period = period,
            // The accounts are IJobVisibility's choice; the selector only says whether their rows are summed.
            Account = request.AccountId == JobSummarySelector.AggregateAll ? JobSummarySelector.Sum : JobSummarySelector.Split,
            State = JobSummarySelector.Of(request.State),
            ResourceType = JobSummarySelector.Of(request.ResourceType),
            MessageCategory = JobSummarySelector.Of(request.MessageCategory),
            HasMessageCategory = kind.HasMessageCategory,
        };
    }

    private static Errors.AwsServiceException Invalid(string member, string value, string why) =>
        BackupErrors.InvalidParameterValue($"{member}: '{JobInputs.Cut(value)}' {why}");

    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();
}
