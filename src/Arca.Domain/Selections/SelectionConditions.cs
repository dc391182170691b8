namespace Arca.Domain.Selections;

/// <summary>
/// AWS <c>Conditions</c>: tests on the resource's tags that must all hold (AND across every list), with
/// IAM's string semantics: StringEquals and StringLike fail when the tag is absent; StringNotEquals and
/// StringNotLike hold when it is absent. StringLike patterns use <c>*</c> (any run) and <c>?</c> (one
/// character). Comparisons are case-sensitive. Immutable; lists compare by reference.
/// </summary>
public sealed record SelectionConditions
{
    /// <summary>The tag exists and equals the value.</summary>
    public IReadOnlyList<ConditionParameter>? StringEquals { get; init; }

    /// <summary>The tag is absent or differs from the value.</summary>
    public IReadOnlyList<ConditionParameter>? StringNotEquals { get; init; }

    /// <summary>The tag exists and matches the pattern.</summary>
    public IReadOnlyList<ConditionParameter>? StringLike { get; init; }

    /// <summary>The tag is absent or does not match the pattern.</summary>
    public IReadOnlyList<ConditionParameter>? StringNotLike { get; init; }

    /// <summary>How many condition parameters there are in all.</summary>
    public int Count =>
        (StringEquals?.Count ?? 0) + (StringNotEquals?.Count ?? 0) + (StringLike?.Count ?? 0) + (StringNotLike?.Count ?? 0);
}
