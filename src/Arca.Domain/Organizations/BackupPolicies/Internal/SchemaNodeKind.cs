namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>The shape of one element of the backup policy syntax.</summary>
internal enum SchemaNodeKind
{
    /// <summary>An object with fixed, documented keys (a rule, a lifecycle).</summary>
    Object,

    /// <summary>An object whose keys the author names (plans, rules, copy actions, tags).</summary>
    Map,

    /// <summary>A single value, set with <c>@@assign</c>.</summary>
    Scalar,

    /// <summary>A list of strings, set with <c>@@assign</c>, <c>@@append</c> or <c>@@remove</c>.</summary>
    List,
}
