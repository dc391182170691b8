using System.Collections.Immutable;
using System.Text.Json;

namespace Arca.Domain.Iam.Internal;

/// <summary>Parses a statement's <c>Condition</c> element into clauses.</summary>
internal static class ConditionParser
{
    public static ImmutableArray<ConditionClause> Parse(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonShape.Fail($"{path} must be an object");
        }

        ImmutableArray<ConditionClause>.Builder clauses = ImmutableArray.CreateBuilder<ConditionClause>();
        var operators = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in JsonShape.Properties(element, path, StringComparer.Ordinal))
        {
            string operatorPath = $"{path}.{property.Name}";
            if (!ConditionOperator.TryParse(property.Name, out ConditionOperator? op))
            {
                throw JsonShape.Fail($"{operatorPath} is not a supported condition operator");
            }

            if (!operators.Add(op.Name))
            {
                throw JsonShape.Fail($"{path} contains operator '{op.Name}' more than once");
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                throw JsonShape.Fail($"{operatorPath} must be an object mapping condition keys to values");
            }

            List<JsonProperty> keys = JsonShape.Properties(property.Value, operatorPath, StringComparer.OrdinalIgnoreCase);
            if (keys.Count == 0)
            {
                throw JsonShape.Fail($"{operatorPath} must contain at least one condition key");
            }

            foreach (JsonProperty key in keys)
            {
                ValidateKey(key.Name, operatorPath);
                clauses.Add(new ConditionClause(op, key.Name, Values(key.Value, $"{operatorPath}.{key.Name}", op.Kind)));
            }
        }

        return clauses.ToImmutable();
    }

    private static void ValidateKey(string key, string operatorPath)
    {
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1 || key.Any(char.IsWhiteSpace))
        {
            throw JsonShape.Fail($"{operatorPath} key '{key}' must be of the form service:key");
        }
    }

    private static ImmutableArray<string> Values(JsonElement element, string path, ConditionOperatorKind kind)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            string single = Scalar(element, path, kind)
                ?? throw JsonShape.Fail($"{path} must be a string, number or boolean, or an array of them");
            return [single];
        }

        ImmutableArray<string>.Builder values = ImmutableArray.CreateBuilder<string>();
        int i = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            string itemPath = $"{path}[{i++}]";
            values.Add(Scalar(item, itemPath, kind) ?? throw JsonShape.Fail($"{itemPath} must be a string, number or boolean"));
        }

        return values.Count == 0 ? throw JsonShape.Fail($"{path} must not be empty") : values.ToImmutable();
    }

    private static string? Scalar(JsonElement element, string path, ConditionOperatorKind kind)
    {
        string? text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is not null)
        {
            ValidateTyped(text, path, kind);
        }

        return text;
    }

    private static void ValidateTyped(string text, string path, ConditionOperatorKind kind)
    {
        string? expected = kind switch
        {
            ConditionOperatorKind.Bool or ConditionOperatorKind.Null
                when !ConditionValues.TryParseBool(text, out _) => "true or false",
            ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
                or ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
                or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals
                when !ConditionValues.TryParseNumber(text, out _) => "a number",
            ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals
                or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals
                or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals
                when !ConditionValues.TryParseDate(text, out _) => "a date (ISO 8601 or epoch seconds)",
            ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress
                when !ConditionValues.TryParseNetwork(text, out _) => "an IP address or CIDR block",
            _ => null,
        };
        if (expected is not null)
        {
            throw JsonShape.Fail($"{path} '{text}' must be {expected}");
        }
    }
}
