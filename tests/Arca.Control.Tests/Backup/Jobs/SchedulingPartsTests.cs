using Arca.Control.Backup.Scheduling;
using Arca.Control.Jobs;

namespace Arca.Control.Tests.Backup.Jobs;

public sealed class SchedulingPartsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_scheduled_job_id_is_the_same_for_the_same_firing_and_sorts_by_its_scheduled_time()
    {
        string id = ScheduledJobIds.For("plan", "rule", At, "arn:aws:arca:us-east-1:111111111111:directory/web");

        Assert.Equal(id, ScheduledJobIds.For("plan", "rule", At, "arn:aws:arca:us-east-1:111111111111:directory/web"));
        Assert.NotEqual(id, ScheduledJobIds.For("plan", "rule", At, "arn:aws:arca:us-east-1:111111111111:directory/db"));
        Assert.NotEqual(id, ScheduledJobIds.For("plan", "other", At, "arn:aws:arca:us-east-1:111111111111:directory/web"));
        Guid parsed = Guid.Parse(id);
        Assert.Equal(7, parsed.Version);
        Assert.True(string.CompareOrdinal(id, ScheduledJobIds.For("plan", "rule", At.AddDays(1), "x")) < 0);
        Assert.True(string.CompareOrdinal(Guid.CreateVersion7(At.AddMilliseconds(-1)).ToString(), id) < 0);
    }

    [Fact]
    public void Progress_follows_a_tracked_source_rounded_to_a_tenth_within_0_and_100()
    {
        var progress = new JobProgress();
        progress.Report(10, 1, 2);
        double percent = 37.54;
        progress.Track(() => new JobProgressSnapshot(percent, 100, 400));
        Assert.Equal(new JobProgressSnapshot(37.5, 100, 400), progress.Current());
        percent = 250;
        Assert.Equal(100, progress.PercentDone);
        progress.Track(null);
        Assert.Equal(new JobProgressSnapshot(10, 1, 2), progress.Current());
    }
}
