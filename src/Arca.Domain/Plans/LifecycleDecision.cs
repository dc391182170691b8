namespace Arca.Domain.Plans;

/// <summary>A lifecycle decision with its reason (for logs and the job record). Immutable.</summary>
/// <param name="Action">What to do now.</param>
/// <param name="Reason">One sentence saying why, with the instants involved (UTC, ISO 8601).</param>
/// <param name="ReviewAt">When the decision next changes, or null when it never will.</param>
public sealed record LifecycleDecision(LifecycleAction Action, string Reason, DateTimeOffset? ReviewAt);
