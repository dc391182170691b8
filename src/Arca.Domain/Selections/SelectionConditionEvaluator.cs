using Arca.Domain.Arns;

namespace Arca.Domain.Selections;

/// <summary>Evaluates <see cref="SelectionConditions"/> against a resource's tags with IAM's string semantics.</summary>
internal static class SelectionConditionEvaluator
{
    /// <summary>The first condition that does not hold, described (e.g. <c>StringEquals[0] aws:ResourceTag/env = 'prod'</c>), or null when all hold.</summary>
    public static string? FirstFailure(SelectionConditions? conditions, IReadOnlyDictionary<string, string> tags)
    {
        if (conditions is null)
        {
            return null;
        }

        return First(conditions.StringEquals, "StringEquals", "=", tags, (actual, value) => actual == value)
            ?? First(conditions.StringNotEquals, "StringNotEquals", "≠", tags, (actual, value) => actual != value)
            ?? First(conditions.StringLike, "StringLike", "like", tags, (actual, value) => actual is not null && Wildcard.IsMatch(value, actual))
            ?? First(conditions.StringNotLike, "StringNotLike", "not like", tags, (actual, value) => actual is null || !Wildcard.IsMatch(value, actual));
    }

    private static string? First(
        IReadOnlyList<ConditionParameter>? parameters,
        string name,
        string symbol,
        IReadOnlyDictionary<string, string> tags,
        Func<string?, string, bool> holds)
    {
        for (int i = 0; i < (parameters?.Count ?? 0); i++)
        {
            ConditionParameter? parameter = parameters![i];
            string key = parameter?.ConditionKey ?? string.Empty;
            string tagKey = key.StartsWith(ConditionParameter.ResourceTagPrefix, StringComparison.Ordinal)
                ? key[ConditionParameter.ResourceTagPrefix.Length..]
                : "\0invalid";
            string? actual = tags.TryGetValue(tagKey, out string? v) ? v : null;
            string value = parameter?.ConditionValue ?? string.Empty;
            if (!holds(actual, value))
            {
                return $"{name}[{i}] {key} {symbol} '{value}'";
            }
        }

        return null;
    }
}
