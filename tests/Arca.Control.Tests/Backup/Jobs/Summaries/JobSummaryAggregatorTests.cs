using Arca.Control.Backup.Jobs.Summaries;

namespace Arca.Control.Tests.Backup.Jobs.Summaries;

/// <summary>Golden cases of the pure summary aggregation: periods as whole UTC days, ANY/AGGREGATE_ALL/one value per dimension.</summary>
public sealed class JobSummaryAggregatorTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Today = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Jobs of two accounts over 20 days: today, yesterday, 6 and 7 days ago, 13 and 14 days ago.</summary>
    private static readonly JobSummaryRow[] Rows =
    [
        Row(A, "COMPLETED", "Directory", "SUCCESS", Now.AddHours(-1)),
        Row(A, "COMPLETED", "Directory", "SUCCESS", Now.AddHours(-2)),
        Row(A, "FAILED", "Directory", "AccessDenied", Now.AddHours(-3)),
        Row(B, "COMPLETED", "SQLite", "SUCCESS", Now.AddHours(-4)),
        Row(B, "RUNNING", "SQLite", null, Now.AddMinutes(-5)),
        Row(A, "COMPLETED", "Directory", "SUCCESS", Today.AddDays(-1).AddHours(5)),
        Row(B, "COMPLETED", "Directory", "PartialBackup", Today.AddDays(-6)),
        Row(B, "COMPLETED", "Directory", "SUCCESS", Today.AddDays(-6).AddTicks(-1)),
        Row(A, "EXPIRED", "Directory", "SUCCESS", Today.AddDays(-13)),
        Row(A, "EXPIRED", "Directory", "SUCCESS", Today.AddDays(-13).AddTicks(-1)),
        Row(A, "COMPLETED", "Directory", "SUCCESS", Today.AddDays(-20)),
    ];

    [Fact]
    public void One_day_gives_daily_rows_for_the_14_days_ending_today_split_by_every_dimension()
    {
        IReadOnlyList<JobSummary> rows = JobSummaryAggregator.Aggregate(Rows, new JobSummaryQuery(), Now);

        Assert.Equal(
        [
            Expect(A, "EXPIRED", "Directory", "SUCCESS", 1, -13, 1),
            Expect(B, "COMPLETED", "Directory", "SUCCESS", 1, -7, 1),
            Expect(B, "COMPLETED", "Directory", "PartialBackup", 1, -6, 1),
            Expect(A, "COMPLETED", "Directory", "SUCCESS", 1, -1, 1),
            Expect(A, "COMPLETED", "Directory", "SUCCESS", 2, 0, 1),
            Expect(A, "FAILED", "Directory", "AccessDenied", 1, 0, 1),
            Expect(B, "COMPLETED", "SQLite", "SUCCESS", 1, 0, 1),
            Expect(B, "RUNNING", "SQLite", null, 1, 0, 1),
        ], rows);
        Assert.Equal(14, JobSummaryAggregator.Buckets(JobSummaryPeriod.OneDay, Now).Count);
        Assert.Equal((Today.AddDays(-13), Today.AddDays(1)), (JobSummaryAggregator.Buckets(JobSummaryPeriod.OneDay, Now)[0].Start, JobSummaryAggregator.Buckets(JobSummaryPeriod.OneDay, Now)[^1].End));
    }

    [Fact]
    public void Seven_and_fourteen_days_give_one_row_set_each_and_seven_sums_the_last_seven_daily_rows()
    {
        var all = new JobSummaryQuery { Account = JobSummarySelector.Sum, State = JobSummarySelector.Sum, ResourceType = JobSummarySelector.Sum, MessageCategory = JobSummarySelector.Sum };
        JobSummary seven = Assert.Single(JobSummaryAggregator.Aggregate(Rows, all with { Period = JobSummaryPeriod.SevenDays }, Now));
        JobSummary fourteen = Assert.Single(JobSummaryAggregator.Aggregate(Rows, all with { Period = JobSummaryPeriod.FourteenDays }, Now));
        IReadOnlyList<JobSummary> daily = JobSummaryAggregator.Aggregate(Rows, all, Now);

        Assert.Equal(new JobSummary("us-east-1", "AGGREGATE_ALL", "AGGREGATE_ALL", "AGGREGATE_ALL", "AGGREGATE_ALL", 7, Today.AddDays(-6), Today.AddDays(1)), seven);
        Assert.Equal(new JobSummary("us-east-1", "AGGREGATE_ALL", "AGGREGATE_ALL", "AGGREGATE_ALL", "AGGREGATE_ALL", 9, Today.AddDays(-13), Today.AddDays(1)), fourteen);
        Assert.Equal(seven.Count, daily.Where(d => d.StartTime >= Today.AddDays(-6)).Sum(d => d.Count));
        Assert.Equal(fourteen.Count, daily.Sum(d => d.Count));
    }

    [Fact]
    public void A_value_filters_and_AGGREGATE_ALL_sums_one_dimension_while_ANY_splits_the_others()
    {
        var query = new JobSummaryQuery { Period = JobSummaryPeriod.FourteenDays, State = JobSummarySelector.Of("COMPLETED"), Account = JobSummarySelector.Of("ANY"), ResourceType = JobSummarySelector.Sum };
        IReadOnlyList<JobSummary> rows = JobSummaryAggregator.Aggregate(Rows, query, Now);

        Assert.Equal(
        [
            Expect(A, "COMPLETED", "AGGREGATE_ALL", "SUCCESS", 3, -13, 14),
            Expect(B, "COMPLETED", "AGGREGATE_ALL", "PartialBackup", 1, -13, 14),
            Expect(B, "COMPLETED", "AGGREGATE_ALL", "SUCCESS", 2, -13, 14),
        ], rows);
    }

    [Fact]
    public void Completed_with_issues_is_completed_minus_completed_with_success_and_categories_match_in_any_case()
    {
        var completed = new JobSummaryQuery { Period = JobSummaryPeriod.FourteenDays, Account = JobSummarySelector.Sum, State = JobSummarySelector.Of("COMPLETED"), ResourceType = JobSummarySelector.Sum, MessageCategory = JobSummarySelector.Sum };
        int all = Assert.Single(JobSummaryAggregator.Aggregate(Rows, completed, Now)).Count;
        JobSummary success = Assert.Single(JobSummaryAggregator.Aggregate(Rows, completed with { MessageCategory = JobSummarySelector.Of("Success") }, Now));

        Assert.Equal((6, 5, "Success"), (all, success.Count, success.MessageCategory));
        Assert.Equal(1, all - success.Count);
    }

    [Fact]
    public void Without_message_categories_rows_carry_none_and_the_category_is_not_a_filter()
    {
        var query = new JobSummaryQuery { Period = JobSummaryPeriod.SevenDays, Account = JobSummarySelector.Sum, HasMessageCategory = false, MessageCategory = JobSummarySelector.Of("AccessDenied") };
        IReadOnlyList<JobSummary> rows = JobSummaryAggregator.Aggregate(Rows, query, Now);

        Assert.All(rows, r => Assert.Null(r.MessageCategory));
        Assert.Equal(7, rows.Sum(r => r.Count));
        Assert.Equal(["COMPLETED|Directory|4", "COMPLETED|SQLite|1", "FAILED|Directory|1", "RUNNING|SQLite|1"], rows.Select(r => $"{r.State}|{r.ResourceType}|{r.Count}"));
    }

    [Fact]
    public void No_jobs_give_no_rows()
    {
        Assert.Empty(JobSummaryAggregator.Aggregate([], new JobSummaryQuery(), Now));
        Assert.Empty(JobSummaryAggregator.Aggregate(Rows, new JobSummaryQuery { State = JobSummarySelector.Of("ABORTED") }, Now));
    }

    private static JobSummaryRow Row(string account, string state, string type, string? category, DateTimeOffset created) =>
        new(account, "us-east-1", state, type, category, created);

    private static JobSummary Expect(string account, string state, string type, string? category, int count, int startDay, int days) =>
        new("us-east-1", account, state, type, category, count, Today.AddDays(startDay), Today.AddDays(startDay + days));
}
