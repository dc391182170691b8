namespace Arca.Domain.Scheduling;

/// <summary>
/// The decision of <see cref="BackupJobTiming.Decide"/>: the outcome, the state to move to, the
/// StatusMessage to record and when to ask again.
/// </summary>
/// <param name="Outcome">What to do.</param>
/// <param name="NewState">EXPIRED when the job expires, otherwise null.</param>
/// <param name="StatusMessage">AWS's job message when the job expires, otherwise null.</param>
/// <param name="DecideAgainAt">The next instant at which the decision can change (a deadline), or
/// null when the clock can no longer change it.</param>
public sealed record BackupJobTimingDecision(
    BackupJobTimingOutcome Outcome, BackupJobState? NewState, string? StatusMessage, DateTimeOffset? DecideAgainAt);
