namespace Arca.Domain.Selections;

/// <summary>
/// AWS <c>Condition</c>, an element of <see cref="BackupSelection.ListOfTags"/>: the resource has tag
/// <see cref="ConditionKey"/> (a bare tag key, no <c>aws:ResourceTag/</c> prefix) with the value
/// <see cref="ConditionValue"/>, compared case-sensitively. Immutable.
/// </summary>
/// <param name="ConditionType">Required; only <c>STRINGEQUALS</c> exists.</param>
/// <param name="ConditionKey">Required; the tag key.</param>
/// <param name="ConditionValue">Required; the tag value.</param>
public sealed record TagCondition(string? ConditionType, string? ConditionKey, string? ConditionValue)
{
    /// <summary>The only condition type of <c>ListOfTags</c>.</summary>
    public const string StringEquals = "STRINGEQUALS";
}
