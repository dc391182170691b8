namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>Which policy supplied one effective map key, scalar or list element.</summary>
/// <param name="Path">
/// Dotted path of the key, scalar or list (for elements), e.g. <c>plans.org_daily.regions</c>.
/// </param>
/// <param name="Kind">Key, scalar value or list element.</param>
/// <param name="Value">The scalar or element value; null for keys.</param>
/// <param name="Source">The policy attachment that supplied it.</param>
public sealed record ProvenanceEntry(string Path, ProvenanceKind Kind, string? Value, PolicySource Source);
