namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>Why part of a policy was ignored while computing the effective policy.</summary>
public enum PolicyDiagnosticKind
{
    /// <summary>
    /// The policy used an operator (or added a key) that a policy higher in the organization
    /// forbids there with <c>@@operators_allowed_for_child_policies</c>; the inherited value was kept.
    /// </summary>
    OperatorNotAllowed,

    /// <summary>
    /// The policy used <c>@@assign</c> on a value that a policy attached earlier to the same target
    /// already set; the first-attached policy wins.
    /// </summary>
    SameLevelConflict,
}
