namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// One validated element of a policy document, operators kept. Immutable once parsed.
/// </summary>
internal sealed class PolicyNode
{
    /// <summary>The key as the author wrote it (schema keys are stored canonically).</summary>
    public required string Key { get; init; }

    /// <summary>Dotted path, for messages.</summary>
    public required string Path { get; init; }

    /// <summary>The syntax element this node follows.</summary>
    public required SchemaNode Schema { get; init; }

    /// <summary>The <c>@@operators_allowed_for_child_policies</c> set written here, if any.</summary>
    public InheritanceOperators? ChildControl { get; init; }

    /// <summary>The value-setting operator (leaves only); <see cref="InheritanceOperators.None"/> when absent.</summary>
    public InheritanceOperators Operator { get; init; }

    /// <summary>The normalized scalar (scalars with an operator only).</summary>
    public string? Scalar { get; init; }

    /// <summary>The normalized list values (lists with an operator only).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The keys set inside an object or map, in document order.</summary>
    public IReadOnlyList<PolicyNode> Children { get; init; } = [];
}
