namespace Arca.Domain.Selections;

/// <summary>
/// AWS <c>ConditionParameter</c>: one test of <see cref="SelectionConditions"/>. Immutable.
/// </summary>
/// <param name="ConditionKey"><c>aws:ResourceTag/KEY</c>: the resource's tag KEY.</param>
/// <param name="ConditionValue">The value to compare the tag's value with (a pattern for StringLike/StringNotLike).</param>
public sealed record ConditionParameter(string? ConditionKey, string? ConditionValue)
{
    /// <summary>The prefix every condition key has.</summary>
    public const string ResourceTagPrefix = "aws:ResourceTag/";
}
