using System.Collections.Immutable;
using System.Net;

using Arca.Domain.Arns;

namespace Arca.Domain.Iam.Internal;

/// <summary>
/// Evaluates one condition clause against the request's keys, with AWS's semantics:
/// <list type="bullet">
/// <item>The clause's policy values are OR'ed; a negated operator holds when the request value matches none of them.</item>
/// <item>Missing (or empty) key: <c>…IfExists</c> → true; <c>ForAllValues:</c> → true; <c>ForAnyValue:</c> → false;
/// otherwise true for negated operators and false for the rest. <c>Null</c> tests presence itself.</item>
/// <item>Without a set qualifier a multivalued request key holds for a positive operator when any request value
/// matches, and for a negated operator when no request value matches (the negation of the positive form).</item>
/// <item><c>ForAnyValue:</c> — some request value satisfies the operator; <c>ForAllValues:</c> — every one does.</item>
/// </list>
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Holds(ConditionClause clause, ConditionKeys keys, PolicyVersion version)
    {
        ConditionOperator op = clause.Operator;
        bool present = keys.TryGetValues(clause.Key, out ImmutableArray<string> requestValues);
        if (op.Kind == ConditionOperatorKind.Null)
        {
            // "true" asks for the key to be absent, "false" for it to be present.
            return clause.Values.Any(v => ConditionValues.TryParseBool(v, out bool absent) && absent != present);
        }

        if (!present)
        {
            return op.IfExists || op.Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => op.IsNegated,
            };
        }

        ConditionOperatorKind positive = Positive(op.Kind);
        bool Satisfies(string requestValue) =>
            op.IsNegated != clause.Values.Any(p => Matches(positive, requestValue, p, keys, version));

        return op.Qualifier switch
        {
            SetQualifier.ForAnyValue => requestValues.Any(Satisfies),
            SetQualifier.ForAllValues => requestValues.All(Satisfies),
            _ => op.IsNegated
                ? !requestValues.Any(v => clause.Values.Any(p => Matches(positive, v, p, keys, version)))
                : requestValues.Any(v => clause.Values.Any(p => Matches(positive, v, p, keys, version))),
        };
    }

    private static ConditionOperatorKind Positive(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.StringNotEquals => ConditionOperatorKind.StringEquals,
        ConditionOperatorKind.StringNotEqualsIgnoreCase => ConditionOperatorKind.StringEqualsIgnoreCase,
        ConditionOperatorKind.StringNotLike => ConditionOperatorKind.StringLike,
        ConditionOperatorKind.NumericNotEquals => ConditionOperatorKind.NumericEquals,
        ConditionOperatorKind.DateNotEquals => ConditionOperatorKind.DateEquals,
        ConditionOperatorKind.NotIpAddress => ConditionOperatorKind.IpAddress,
        ConditionOperatorKind.ArnNotEquals => ConditionOperatorKind.ArnEquals,
        ConditionOperatorKind.ArnNotLike => ConditionOperatorKind.ArnLike,
        _ => kind,
    };

    private static bool Matches(ConditionOperatorKind kind, string requestValue, string policyValue, ConditionKeys keys, PolicyVersion version)
    {
        switch (kind)
        {
            case ConditionOperatorKind.StringEquals:
                return PolicyVariables.Resolve(policyValue, keys, version)?.ToString() is { } equals
                    && string.Equals(requestValue, equals, StringComparison.Ordinal);
            case ConditionOperatorKind.StringEqualsIgnoreCase:
                return PolicyVariables.Resolve(policyValue, keys, version)?.ToString() is { } equalsIgnoreCase
                    && string.Equals(requestValue, equalsIgnoreCase, StringComparison.OrdinalIgnoreCase);
            case ConditionOperatorKind.StringLike:
                return PolicyVariables.Resolve(policyValue, keys, version)?.IsMatch(requestValue) ?? false;
            case ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike:
                return PolicyVariables.Resolve(policyValue, keys, version) is { } arnPattern && ArnMatches(arnPattern, requestValue);
            case ConditionOperatorKind.Bool:
                return ConditionValues.TryParseBool(requestValue, out bool actual)
                    && ConditionValues.TryParseBool(policyValue, out bool expected) && actual == expected;
            case ConditionOperatorKind.BinaryEquals:
                return string.Equals(requestValue, policyValue, StringComparison.Ordinal);
            case ConditionOperatorKind.IpAddress:
                return IPAddress.TryParse(requestValue, out IPAddress? address)
                    && ConditionValues.TryParseNetwork(policyValue, out IPNetwork network) && network.Contains(address);
            default:
                return CompareOrdered(kind, requestValue, policyValue);
        }
    }

    private static bool CompareOrdered(ConditionOperatorKind kind, string requestValue, string policyValue)
    {
        int? comparison = kind switch
        {
            >= ConditionOperatorKind.NumericEquals and <= ConditionOperatorKind.NumericGreaterThanEquals =>
                ConditionValues.TryParseNumber(requestValue, out decimal a) && ConditionValues.TryParseNumber(policyValue, out decimal b)
                    ? a.CompareTo(b) : null,
            >= ConditionOperatorKind.DateEquals and <= ConditionOperatorKind.DateGreaterThanEquals =>
                ConditionValues.TryParseDate(requestValue, out DateTimeOffset x) && ConditionValues.TryParseDate(policyValue, out DateTimeOffset y)
                    ? x.CompareTo(y) : null,
            _ => null,
        };

        return comparison is { } c && kind switch
        {
            ConditionOperatorKind.NumericEquals or ConditionOperatorKind.DateEquals => c == 0,
            ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.DateLessThan => c < 0,
            ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.DateLessThanEquals => c <= 0,
            ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.DateGreaterThan => c > 0,
            ConditionOperatorKind.NumericGreaterThanEquals or ConditionOperatorKind.DateGreaterThanEquals => c >= 0,
            _ => false,
        };
    }

    // ArnEquals and ArnLike (identical in AWS): each of the six colon-separated components is matched on its
    // own, so a wildcard does not cross a colon except inside the resource part. A value that is not
    // ARN-shaped falls back to matching the whole text.
    private static bool ArnMatches(WildcardPattern pattern, string value)
    {
        WildcardPattern[] patternParts = pattern.Split(':', 6);
        string[] valueParts = value.Split(':', 6);
        if (patternParts.Length < 6 || valueParts.Length < 6)
        {
            return pattern.IsMatch(value);
        }

        for (int i = 0; i < 6; i++)
        {
            if (!patternParts[i].IsMatch(valueParts[i]))
            {
                return false;
            }
        }

        return true;
    }
}
