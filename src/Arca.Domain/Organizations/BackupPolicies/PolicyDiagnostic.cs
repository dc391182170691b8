namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>A part of an attached policy that had no effect on the effective policy, and why.</summary>
/// <param name="Kind">The reason.</param>
/// <param name="Path">Dotted path of the element the policy tried to change.</param>
/// <param name="Source">The policy attachment whose change was ignored.</param>
/// <param name="Message">A complete sentence naming the policy, the element, the operator and the reason.</param>
public sealed record PolicyDiagnostic(PolicyDiagnosticKind Kind, string Path, PolicySource Source, string Message);
