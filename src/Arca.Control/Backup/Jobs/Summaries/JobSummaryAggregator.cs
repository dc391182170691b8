using System.Globalization;

namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// The pure part of ListBackupJobSummaries, ListCopyJobSummaries and ListRestoreJobSummaries: counts job rows by period
/// bucket, account, state, resource type and message category as a <see cref="JobSummaryQuery"/> says. Buckets are whole UTC
/// days: <see cref="JobSummaryPeriod.OneDay"/> gives one bucket per day for the 14 days ending with today,
/// <see cref="JobSummaryPeriod.SevenDays"/> and <see cref="JobSummaryPeriod.FourteenDays"/> one bucket for the last 7 or 14
/// days (today included), so the seven-day counts are the sums of the last seven daily ones. A row is created by job
/// creation time; buckets without jobs give no row. Rows come in <see cref="Key"/> order (start time, account, state,
/// resource type, category), the order pages follow.
/// </summary>
public static class JobSummaryAggregator
{
    /// <summary>How many days ONE_DAY covers, and FOURTEEN_DAYS.</summary>
    public const int Days = 14;

    /// <summary>The buckets of <paramref name="period"/> at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Buckets(JobSummaryPeriod period, DateTimeOffset now)
    {
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        return period switch
        {
            JobSummaryPeriod.OneDay => [.. Enumerable.Range(0, Days).Select(i => (tomorrow.AddDays(i - Days), tomorrow.AddDays(i - Days + 1)))],
            JobSummaryPeriod.SevenDays => [(tomorrow.AddDays(-7), tomorrow)],
            JobSummaryPeriod.FourteenDays => [(tomorrow.AddDays(-Days), tomorrow)],
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
        };
    }

    /// <summary>Counts <paramref name="rows"/> (of any accounts and regions the caller may see) as <paramref name="query"/> says.</summary>
    public static IReadOnlyList<JobSummary> Aggregate(IEnumerable<JobSummaryRow> rows, JobSummaryQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> buckets = Buckets(query.Period, now);
        var counts = new Dictionary<JobSummary, int>();
        foreach (JobSummaryRow row in rows)
        {
            if (!Admits(query, row))
            {
                continue;
            }

            int bucket = BucketOf(buckets, row.CreationDate);
            if (bucket < 0)
            {
                continue;
            }

            var key = new JobSummary(
                row.Region,
                query.Account.Label(row.AccountId)!,
                query.State.Label(row.State)!,
                query.ResourceType.Label(row.ResourceType)!,
                query.HasMessageCategory ? query.MessageCategory.Label(row.MessageCategory) : null,
                0,
                buckets[bucket].Start,
                buckets[bucket].End);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return [.. counts.Select(c => c.Key with { Count = c.Value }).OrderBy(Key, StringComparer.Ordinal)];
    }

    /// <summary>A row's sort and page key.</summary>
    public static string Key(JobSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return string.Join('\u0001', summary.StartTime.ToUnixTimeSeconds().ToString("D12", CultureInfo.InvariantCulture), summary.Region, summary.AccountId,
            summary.State, summary.ResourceType, summary.MessageCategory ?? string.Empty);
    }

    private static bool Admits(JobSummaryQuery query, JobSummaryRow row) =>
        query.Account.Admits(row.AccountId)
        && query.State.Admits(row.State)
        && query.ResourceType.Admits(row.ResourceType)
        && (!query.HasMessageCategory || query.MessageCategory.Admits(row.MessageCategory, ignoreCase: true));

    private static int BucketOf(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> buckets, DateTimeOffset time)
    {
        for (int i = 0; i < buckets.Count; i++)
        {
            if (time >= buckets[i].Start && time < buckets[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}
