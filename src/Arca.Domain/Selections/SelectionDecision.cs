namespace Arca.Domain.Selections;

/// <summary>Whether a selection selects a resource, and why (for logs, job messages and tests). Immutable.</summary>
/// <param name="IsSelected">True when the resource is backed up by the selection's plan.</param>
/// <param name="Reason">The rule that decided, e.g. <c>listed in Resources[0]</c> or <c>excluded by NotResources[1] '…'</c>.</param>
public sealed record SelectionDecision(bool IsSelected, string Reason);
