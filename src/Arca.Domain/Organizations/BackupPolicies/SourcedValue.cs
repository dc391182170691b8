namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>One effective scalar value or list element, with the policy that supplied it.</summary>
/// <param name="Value">The value as the effective policy shows it (numbers and booleans as strings).</param>
/// <param name="Source">The policy attachment that supplied it.</param>
public sealed record SourcedValue(string Value, PolicySource Source);
