using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class JobStateMachineTests
{
    [Theory]
    [InlineData(BackupJobState.Created, BackupJobState.Running)]
    [InlineData(BackupJobState.Created, BackupJobState.Pending)]
    [InlineData(BackupJobState.Created, BackupJobState.Expired)]
    [InlineData(BackupJobState.Pending, BackupJobState.Running)]
    [InlineData(BackupJobState.Running, BackupJobState.Completed)]
    [InlineData(BackupJobState.Running, BackupJobState.Partial)]
    [InlineData(BackupJobState.Running, BackupJobState.Expired)]
    [InlineData(BackupJobState.Running, BackupJobState.Aborting)]
    [InlineData(BackupJobState.Aborting, BackupJobState.Aborted)]
    public void Backup_job_allows_the_documented_lifecycle(BackupJobState from, BackupJobState to)
    {
        Assert.True(JobStateMachines.Backup.TryTransition(from, to, out string? reason), reason);
    }

    [Fact]
    public void Terminal_backup_states_refuse_every_move_and_say_why()
    {
        Assert.False(JobStateMachines.Backup.TryTransition(BackupJobState.Completed, BackupJobState.Running, out string? reason));
        Assert.Equal("Backup job cannot move from COMPLETED to RUNNING: COMPLETED is a terminal state.", reason);
    }

    [Fact]
    public void A_move_outside_the_table_lists_what_is_allowed()
    {
        Assert.False(JobStateMachines.Backup.TryTransition(BackupJobState.Created, BackupJobState.Completed, out string? reason));
        Assert.Equal(
            "Backup job cannot move from CREATED to COMPLETED; from CREATED it may move to PENDING, RUNNING, ABORTING, ABORTED, EXPIRED, FAILED.",
            reason);
    }

    [Fact]
    public void Staying_in_the_same_state_is_not_a_transition()
    {
        Assert.False(JobStateMachines.Copy.TryTransition(CopyJobState.Running, CopyJobState.Running, out string? reason));
        Assert.Equal("Copy job is already RUNNING.", reason);
    }

    [Fact]
    public void Terminal_states_are_exactly_AWS_end_states()
    {
        Assert.Equal(
            [BackupJobState.Aborted, BackupJobState.Completed, BackupJobState.Failed, BackupJobState.Expired, BackupJobState.Partial],
            Enum.GetValues<BackupJobState>().Where(JobStateMachines.Backup.IsTerminal));
        Assert.Equal(
            [CopyJobState.Completed, CopyJobState.Failed, CopyJobState.Partial],
            Enum.GetValues<CopyJobState>().Where(JobStateMachines.Copy.IsTerminal));
        Assert.Equal(
            [RestoreJobStatus.Completed, RestoreJobStatus.Aborted, RestoreJobStatus.Failed],
            Enum.GetValues<RestoreJobStatus>().Where(JobStateMachines.Restore.IsTerminal));
    }

    [Fact]
    public void Copy_jobs_never_expire_and_restore_jobs_never_go_back_to_pending()
    {
        Assert.False(JobStateMachines.Copy.TryTransition(CopyJobState.Created, CopyJobState.Completed, out _));
        Assert.True(JobStateMachines.Copy.TryTransition(CopyJobState.Created, CopyJobState.Failed, out _));
        Assert.False(JobStateMachines.Restore.TryTransition(RestoreJobStatus.Running, RestoreJobStatus.Pending, out string? reason));
        Assert.Equal("Restore job cannot move from RUNNING to PENDING; from RUNNING it may move to COMPLETED, ABORTED, FAILED.", reason);
    }

    [Theory]
    [InlineData("CREATED", BackupJobState.Created)]
    [InlineData("ABORTING", BackupJobState.Aborting)]
    [InlineData("EXPIRED", BackupJobState.Expired)]
    public void Wire_names_round_trip(string wire, BackupJobState state)
    {
        Assert.Equal(wire, JobStateNames.ToWire(state));
        Assert.True(JobStateNames.TryParse(wire, out BackupJobState parsed));
        Assert.Equal(state, parsed);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("Running")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("AGGREGATE_ALL")]
    [InlineData("DELETED")]
    public void Wire_names_are_exact_and_case_sensitive(string? wire)
    {
        Assert.False(JobStateNames.TryParse(wire, out BackupJobState _));
    }
}
