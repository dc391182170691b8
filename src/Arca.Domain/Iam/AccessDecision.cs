using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>The answer to an <see cref="AuthorizationRequest"/>.</summary>
/// <param name="Outcome">Allowed, explicitly denied or implicitly denied.</param>
/// <param name="Reason">A sentence saying which statements decided and why; stable enough for tests and logs.</param>
/// <param name="Statements">The statements that decided: the Deny, or the Allows that were needed.</param>
public sealed record AccessDecision(AccessOutcome Outcome, string Reason, ImmutableArray<StatementReference> Statements)
{
    /// <summary>Whether the request is allowed.</summary>
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}
