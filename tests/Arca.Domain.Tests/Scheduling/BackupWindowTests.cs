using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class BackupWindowTests
{
    private static readonly DateTimeOffset Scheduled = new(2024, 5, 1, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_are_eight_hours_to_start_and_seven_days_to_complete()
    {
        BackupWindow window = BackupWindow.For(Scheduled);
        Assert.Equal(Scheduled, window.ScheduledAt);
        Assert.Equal(Scheduled.AddHours(8), window.StartBy);
        Assert.Equal(Scheduled.AddDays(7), window.CompleteBy);
    }

    [Fact]
    public void Completion_window_counts_from_the_scheduled_time_not_from_StartBy()
    {
        BackupWindow window = BackupWindow.For(Scheduled, startWindowMinutes: 60, completionWindowMinutes: 120);
        Assert.Equal(Scheduled.AddMinutes(60), window.StartBy);
        Assert.Equal(Scheduled.AddMinutes(120), window.CompleteBy);
    }

    [Fact]
    public void The_largest_window_of_one_hundred_years_is_representable()
    {
        BackupWindow window = BackupWindow.For(Scheduled, BackupWindow.MaxWindowMinutes, BackupWindow.MaxWindowMinutes);
        Assert.Equal(Scheduled.AddMinutes(52_560_000), window.CompleteBy);
    }

    [Theory]
    [InlineData(0L, 10_080L)]
    [InlineData(-1L, 10_080L)]
    [InlineData(52_560_001L, 10_080L)]
    [InlineData(480L, 0L)]
    [InlineData(480L, 52_560_001L)]
    public void Windows_outside_one_minute_to_one_hundred_years_are_programming_errors(long start, long complete)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BackupWindow.For(Scheduled, start, complete));
    }

    [Fact]
    public void Start_windows_overlap_when_one_starts_before_the_other_must_have_started()
    {
        BackupWindow daily = BackupWindow.For(Scheduled, 480);
        Assert.True(daily.StartWindowOverlaps(BackupWindow.For(Scheduled.AddHours(7), 60)));
        Assert.True(BackupWindow.For(Scheduled.AddHours(-1), 120).StartWindowOverlaps(daily));
        Assert.False(daily.StartWindowOverlaps(BackupWindow.For(Scheduled.AddHours(8), 60)));
        Assert.False(BackupWindow.For(Scheduled.AddHours(-1), 60).StartWindowOverlaps(daily));
    }
}
