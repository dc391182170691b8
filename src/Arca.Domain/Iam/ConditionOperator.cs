using System.Diagnostics.CodeAnalysis;

namespace Arca.Domain.Iam;

/// <summary>
/// A condition operator as written in a policy, e.g. <c>ForAnyValue:StringNotLike</c> or
/// <c>StringEqualsIfExists</c>: a base <see cref="Kind"/>, an optional set qualifier and an optional
/// <c>IfExists</c> suffix. Operator names are matched case-insensitively; <see cref="Name"/> is canonical.
/// </summary>
public sealed record ConditionOperator
{
    private const string IfExistsSuffix = "IfExists";

    private ConditionOperator(ConditionOperatorKind kind, SetQualifier qualifier, bool ifExists)
    {
        Kind = kind;
        Qualifier = qualifier;
        IfExists = ifExists;
    }

    /// <summary>The base operator.</summary>
    public ConditionOperatorKind Kind { get; }

    /// <summary>The set qualifier, <see cref="SetQualifier.None"/> when absent.</summary>
    public SetQualifier Qualifier { get; }

    /// <summary>Whether the operator ends in <c>IfExists</c>: a missing key then makes the condition true.</summary>
    public bool IfExists { get; }

    /// <summary>
    /// Whether the base operator is a negated one (<c>StringNotEquals</c>, <c>StringNotLike</c>,
    /// <c>ArnNotLike</c>, <c>NotIpAddress</c>…): it holds when a value matches none of the policy values,
    /// and, without a set qualifier, it holds when the key is missing.
    /// </summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>The canonical spelling, e.g. <c>ForAnyValue:StringNotLikeIfExists</c>.</summary>
    public string Name => Qualifier switch
    {
        SetQualifier.ForAnyValue => "ForAnyValue:",
        SetQualifier.ForAllValues => "ForAllValues:",
        _ => string.Empty,
    } + Kind + (IfExists ? IfExistsSuffix : string.Empty);

    /// <summary>
    /// Parses an operator name, case-insensitively. <c>Null</c> takes neither a set qualifier nor <c>IfExists</c>.
    /// </summary>
    /// <returns>False when the text names no supported operator.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out ConditionOperator? result)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = null;
        ReadOnlySpan<char> rest = text;
        SetQualifier qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        bool ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.OrdinalIgnoreCase);
        if (ifExists)
        {
            rest = rest[..^IfExistsSuffix.Length];
        }

        // Enum.TryParse would also accept numbers and comma lists; only plain names are operators.
        if (rest.IsEmpty || !IsLetters(rest) ||
            !Enum.TryParse(rest, ignoreCase: true, out ConditionOperatorKind kind))
        {
            return false;
        }

        if (kind == ConditionOperatorKind.Null && (ifExists || qualifier != SetQualifier.None))
        {
            return false;
        }

        result = new ConditionOperator(kind, qualifier, ifExists);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
