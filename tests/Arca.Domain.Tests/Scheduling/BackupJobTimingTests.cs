using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class BackupJobTimingTests
{
    private static readonly DateTimeOffset Scheduled = new(2024, 5, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly BackupWindow Window = BackupWindow.For(Scheduled, 480, 10_080);

    [Theory]
    [InlineData(BackupJobState.Created)]
    [InlineData(BackupJobState.Pending)]
    public void A_job_not_started_within_its_start_window_expires(BackupJobState state)
    {
        BackupJobTimingDecision decision = BackupJobTiming.Decide(state, Window, Window.StartBy);
        Assert.Equal(BackupJobTimingOutcome.ExpireNotStarted, decision.Outcome);
        Assert.Equal(BackupJobState.Expired, decision.NewState);
        Assert.Equal("Backup job expired before completion.", decision.StatusMessage);
        Assert.True(JobStateMachines.Backup.TryTransition(state, BackupJobState.Expired, out _));
    }

    [Fact]
    public void A_waiting_job_is_left_alone_until_StartBy_and_told_when_to_ask_again()
    {
        BackupJobTimingDecision decision = BackupJobTiming.Decide(BackupJobState.Created, Window, Window.StartBy.AddTicks(-1));
        Assert.Equal(new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, Window.StartBy), decision);
    }

    [Fact]
    public void A_running_job_expires_at_the_completion_deadline_counted_from_the_scheduled_time()
    {
        Assert.Equal(
            new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, Scheduled.AddDays(7)),
            BackupJobTiming.Decide(BackupJobState.Running, Window, Scheduled.AddDays(6)));
        BackupJobTimingDecision decision = BackupJobTiming.Decide(BackupJobState.Running, Window, Scheduled.AddDays(7));
        Assert.Equal(BackupJobTimingOutcome.ExpireNotCompleted, decision.Outcome);
        Assert.Equal(BackupJobState.Expired, decision.NewState);
    }

    [Fact]
    public void A_waiting_job_expires_at_the_completion_deadline_when_it_comes_first()
    {
        BackupWindow odd = BackupWindow.For(Scheduled, 480, 120);
        Assert.Equal(BackupJobTimingOutcome.ExpireNotStarted, BackupJobTiming.Decide(BackupJobState.Created, odd, Scheduled.AddMinutes(120)).Outcome);
    }

    [Theory]
    [InlineData(BackupJobState.Aborting)]
    [InlineData(BackupJobState.Completed)]
    [InlineData(BackupJobState.Failed)]
    [InlineData(BackupJobState.Expired)]
    public void Aborting_and_terminal_jobs_are_not_touched_by_the_clock(BackupJobState state)
    {
        Assert.Equal(
            new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, null),
            BackupJobTiming.Decide(state, Window, Scheduled.AddYears(1)));
    }
}
