using Arca.Domain.Arns;

namespace Arca.Domain.Iam.Internal;

/// <summary>
/// Substitutes policy variables (<c>${aws:PrincipalAccount}</c>, <c>${key, 'default'}</c>, and the escapes
/// <c>${*}</c>, <c>${?}</c>, <c>${$}</c>) in a Resource or condition value. Only version 2012-10-17 documents
/// have variables; in 2008-10-17 documents the text is taken as written.
/// </summary>
/// <remarks>
/// Substituted text and escapes are literal: a <c>*</c> they produce matches only <c>*</c>. A variable whose
/// key is missing or multivalued, with no default, makes the value unresolvable: it then matches nothing.
/// An unterminated <c>${</c> is plain text.
/// </remarks>
internal static class PolicyVariables
{
    public static WildcardPattern? Resolve(string template, ConditionKeys keys, PolicyVersion version)
    {
        if (version != PolicyVersion.Version20121017 || !template.Contains("${", StringComparison.Ordinal))
        {
            return new WildcardPattern(template);
        }

        var parts = new List<WildcardPattern>();
        int position = 0;
        while (position < template.Length)
        {
            int start = template.IndexOf("${", position, StringComparison.Ordinal);
            int end = start < 0 ? -1 : template.IndexOf('}', start + 2);
            if (end < 0)
            {
                parts.Add(new WildcardPattern(template[position..]));
                break;
            }

            parts.Add(new WildcardPattern(template[position..start]));
            string? value = Substitute(template[(start + 2)..end], keys);
            if (value is null)
            {
                return null;
            }

            parts.Add(WildcardPattern.Literal(value));
            position = end + 1;
        }

        return WildcardPattern.Concat(parts);
    }

    private static string? Substitute(string body, ConditionKeys keys)
    {
        string trimmed = body.Trim();
        if (trimmed is "*" or "?" or "$")
        {
            return trimmed;
        }

        string key = trimmed;
        string? fallback = null;
        int comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            key = trimmed[..comma].Trim();
            fallback = ParseDefault(trimmed[(comma + 1)..].Trim());
            if (fallback is null)
            {
                return null;
            }
        }

        return keys.TryGetValues(key, out var values) && values.Length == 1 ? values[0] : fallback;
    }

    // 'text' with '' standing for one quote; anything else is not a default.
    private static string? ParseDefault(string text)
    {
        if (text.Length < 2 || text[0] != '\'' || text[^1] != '\'')
        {
            return null;
        }

        string inner = text[1..^1];
        return inner.Replace("''", string.Empty, StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal)
            ? null
            : inner.Replace("''", "'", StringComparison.Ordinal);
    }
}
