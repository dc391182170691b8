using System.Diagnostics.CodeAnalysis;

namespace Arca.Domain.Scheduling;

/// <summary>
/// The allowed state transitions of one kind of job, as a pure table. A state with no outgoing
/// transition is terminal. A transition to the same state is not a transition and is refused
/// (progress updates do not change state). Immutable and thread-safe; the instances to use are on
/// <see cref="JobStateMachines"/>.
/// </summary>
/// <typeparam name="TState">The job's state enum.</typeparam>
public sealed class JobStateMachine<TState>
    where TState : struct, Enum
{
    private readonly Dictionary<TState, TState[]> _next;

    /// <summary>Builds a table; states missing from <paramref name="transitions"/> are terminal.</summary>
    /// <param name="jobKind">Used in refusal reasons, e.g. "Backup job".</param>
    /// <param name="transitions">For each non-terminal state, the states it may move to.</param>
    public JobStateMachine(string jobKind, IReadOnlyDictionary<TState, TState[]> transitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKind);
        ArgumentNullException.ThrowIfNull(transitions);
        JobKind = jobKind;
        _next = transitions.ToDictionary(t => t.Key, t => t.Value.ToArray());
    }

    /// <summary>The kind of job, as used in reasons ("Backup job", "Copy job", "Restore job").</summary>
    public string JobKind { get; }

    /// <summary>True when no transition leaves <paramref name="state"/>.</summary>
    public bool IsTerminal(TState state)
    {
        return AllowedFrom(state).Count == 0;
    }

    /// <summary>The states <paramref name="state"/> may move to, in table order.</summary>
    public IReadOnlyList<TState> AllowedFrom(TState state)
    {
        return _next.TryGetValue(state, out TState[]? next) ? next : [];
    }

    /// <summary>
    /// Checks a transition. Returns false with a one-sentence <paramref name="reason"/> when it is not
    /// allowed, e.g. "Backup job cannot move from COMPLETED to RUNNING: COMPLETED is a terminal state."
    /// </summary>
    public bool TryTransition(TState from, TState to, [NotNullWhen(false)] out string? reason)
    {
        string fromName = JobStateNames.ToWire(from);
        string toName = JobStateNames.ToWire(to);
        IReadOnlyList<TState> allowed = AllowedFrom(from);
        reason = null;
        if (EqualityComparer<TState>.Default.Equals(from, to))
        {
            reason = $"{JobKind} is already {fromName}.";
        }
        else if (allowed.Count == 0)
        {
            reason = $"{JobKind} cannot move from {fromName} to {toName}: {fromName} is a terminal state.";
        }
        else if (!allowed.Contains(to))
        {
            string names = string.Join(", ", allowed.Select(JobStateNames.ToWire));
            reason = $"{JobKind} cannot move from {fromName} to {toName}; from {fromName} it may move to {names}.";
        }

        return reason is null;
    }
}
