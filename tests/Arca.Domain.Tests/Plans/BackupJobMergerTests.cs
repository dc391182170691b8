using Arca.Domain.Plans;
using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Plans;

public sealed class BackupJobMergerTests
{
    private const string Db = "arn:aws:arca:us-east-1:111111111111:sqlite/app";
    private const string Files = "arn:aws:arca:us-east-1:111111111111:directory/home";
    private static readonly DateTimeOffset Five = new(2024, 5, 1, 5, 0, 0, TimeSpan.Zero);

    private static BackupCandidate Candidate(string rule, DateTimeOffset at, long? deleteAfter, long startWindow = 480, string resource = Db)
    {
        return new BackupCandidate(
            resource, rule, BackupWindow.For(at, startWindow), deleteAfter is null ? null : new Lifecycle(DeleteAfterDays: deleteAfter));
    }

    [Fact]
    public void Two_rules_with_overlapping_windows_make_one_job_with_the_longer_retention()
    {
        BackupCandidate daily = Candidate("plan/daily", Five, 35);
        BackupCandidate monthly = Candidate("plan/monthly", Five.AddHours(2), 365);
        MergedBackupJob job = Assert.Single(BackupJobMerger.Merge([daily, monthly]));
        Assert.Same(monthly, job.Winner);
        Assert.Equal([daily], job.Absorbed);
        Assert.Equal(Db, job.ResourceArn);
    }

    [Fact]
    public void Never_expire_is_the_longest_retention()
    {
        BackupCandidate forever = Candidate("plan/forever", Five.AddHours(1), null);
        BackupCandidate century = Candidate("plan/century", Five, 36_500);
        Assert.Same(forever, Assert.Single(BackupJobMerger.Merge([century, forever])).Winner);
    }

    [Fact]
    public void Windows_that_only_touch_do_not_merge()
    {
        BackupCandidate early = Candidate("plan/a", Five, 35, startWindow: 60);
        BackupCandidate late = Candidate("plan/b", Five.AddHours(1), 365, startWindow: 60);
        Assert.Equal(2, BackupJobMerger.Merge([late, early]).Count);
    }

    [Fact]
    public void Different_resources_never_merge()
    {
        IReadOnlyList<MergedBackupJob> jobs = BackupJobMerger.Merge([Candidate("plan/a", Five, 35, resource: Files), Candidate("plan/b", Five, 365)]);
        Assert.Equal([Files, Db], jobs.Select(j => j.ResourceArn));
    }

    [Fact]
    public void Firings_of_one_rule_do_not_merge_with_each_other()
    {
        BackupCandidate[] hourly = Enumerable.Range(0, 3).Select(h => Candidate("plan/hourly", Five.AddHours(h), 1)).ToArray();
        Assert.Equal(3, BackupJobMerger.Merge(hourly).Count);
    }

    [Fact]
    public void The_same_firing_listed_twice_makes_one_job()
    {
        BackupCandidate once = Candidate("plan/daily", Five, 35);
        Assert.Single(BackupJobMerger.Merge([once, once with { }]));
    }

    [Fact]
    public void A_long_window_absorbs_every_firing_of_a_shorter_retention_rule_it_overlaps()
    {
        BackupCandidate daily = Candidate("plan/daily", Five, 35, startWindow: 480);
        BackupCandidate[] hourly = Enumerable.Range(0, 10).Select(h => Candidate("plan/hourly", Five.AddHours(h), 1, startWindow: 60)).ToArray();
        IReadOnlyList<MergedBackupJob> jobs = BackupJobMerger.Merge([.. hourly, daily]);
        // 05:00–12:00 overlap the daily window [05:00, 13:00); 13:00 and 14:00 stay separate.
        Assert.Equal(3, jobs.Count);
        Assert.Same(daily, jobs[0].Winner);
        Assert.Equal(8, jobs[0].Absorbed.Count);
        Assert.Equal([Five.AddHours(8), Five.AddHours(9)], jobs.Skip(1).Select(j => j.Winner.Window.ScheduledAt));
    }

    [Fact]
    public void Ties_go_to_the_earliest_scheduled_time_then_the_smallest_rule_key()
    {
        BackupCandidate b = Candidate("plan/b", Five, 35);
        BackupCandidate a = Candidate("plan/a", Five, 35);
        BackupCandidate later = Candidate("plan/0", Five.AddMinutes(1), 35);
        Assert.Same(a, Assert.Single(BackupJobMerger.Merge([later, b, a])).Winner);
    }

    [Fact]
    public void Retention_compares_deletion_first_then_time_warm()
    {
        RetentionComparer compare = RetentionComparer.Instance;
        Assert.True(compare.Compare(new Lifecycle(DeleteAfterDays: 365), new Lifecycle(DeleteAfterDays: 35)) > 0);
        Assert.True(compare.Compare(null, new Lifecycle(DeleteAfterDays: 36_500)) > 0);
        Assert.True(compare.Compare(new Lifecycle(30, null), new Lifecycle(DeleteAfterDays: 36_500)) > 0);
        Assert.True(compare.Compare(new Lifecycle(60, 365), new Lifecycle(30, 365)) > 0);
        Assert.True(compare.Compare(new Lifecycle(null, 365), new Lifecycle(30, 365)) > 0);
        Assert.Equal(0, compare.Compare(null, new Lifecycle()));
    }

    [Fact]
    public void No_candidates_make_no_jobs()
    {
        Assert.Empty(BackupJobMerger.Merge([]));
    }
}
