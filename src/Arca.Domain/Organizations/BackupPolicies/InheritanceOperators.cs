namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>The value-setting inheritance operators, as a set.</summary>
/// <remarks>
/// Used for <c>@@operators_allowed_for_child_policies</c>: <see cref="None"/> is <c>["@@none"]</c>
/// and <see cref="All"/> is <c>["@@all"]</c>.
/// </remarks>
[Flags]
public enum InheritanceOperators
{
    /// <summary><c>@@none</c>: lower levels may not change the value.</summary>
    None = 0,

    /// <summary><c>@@assign</c>: replace the inherited value.</summary>
    Assign = 1,

    /// <summary><c>@@append</c>: add values to an inherited list, or add keys to a map.</summary>
    Append = 2,

    /// <summary><c>@@remove</c>: remove values from an inherited list.</summary>
    Remove = 4,

    /// <summary><c>@@all</c>: every operator (the default).</summary>
    All = Assign | Append | Remove,
}
