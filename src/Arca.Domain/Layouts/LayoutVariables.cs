using System.Text;
using System.Text.Encodings.Web;

namespace Arca.Domain.Layouts;

/// <summary>
/// <c>${Name}</c> variables of layout strings (docs/design/layout.md §2.2): <c>$${</c> writes a literal <c>${</c>, text without braces
/// (<c>$account</c>) is left alone. Pure: the values come from a lookup.
/// </summary>
public static class LayoutVariables
{
    public const string OrganizationId = "OrganizationId";
    public const string ManagementAccountId = "ManagementAccountId";
    public const string Partition = "Partition";
    public const string LayoutName = "LayoutName";
    public const string AccountId = "AccountId";
    public const string AccountName = "AccountName";
    public const string Region = "Region";

    /// <summary>The prefix of <c>${Account:NAME}</c>: the id of the organization's account named NAME.</summary>
    public const string AccountByNamePrefix = "Account:";

    /// <summary>Which variables a string may use.</summary>
    public enum Scope
    {
        /// <summary>Organization-wide: backup policies.</summary>
        Organization,

        /// <summary>One account: roles.</summary>
        Account,

        /// <summary>One account and region: keys, vaults.</summary>
        Region,
    }

    /// <summary>The variable names used by <paramref name="template"/>, in order.</summary>
    /// <exception cref="FormatException">A <c>${</c> without its <c>}</c>.</exception>
    public static IReadOnlyList<string> Names(string template)
    {
        var names = new List<string>();
        _ = Render(template, name =>
        {
            names.Add(name);
            return string.Empty;
        }, json: false);
        return names;
    }

    /// <summary>Why <paramref name="name"/> cannot be used in <paramref name="scope"/>, or null when it can.</summary>
    public static string? Check(string name, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith(AccountByNamePrefix, StringComparison.Ordinal))
        {
            return name.Length > AccountByNamePrefix.Length ? null : "${Account:NAME} needs an account name";
        }

        return name switch
        {
            OrganizationId or ManagementAccountId or Partition or LayoutName => null,
            AccountId or AccountName => scope == Scope.Organization ? $"${{{name}}} is not available in backup policies (they belong to the organization)" : null,
            Region => scope == Scope.Region ? null : $"${{{name}}} is only available in keys and vaults",
            _ => $"unknown variable ${{{name}}} (known: OrganizationId, ManagementAccountId, Partition, LayoutName, AccountId, AccountName, Region, Account:NAME)",
        };
    }

    /// <summary>
    /// Replaces every <c>${Name}</c> by <paramref name="lookup"/>'s value; with <paramref name="json"/> the value is escaped for a JSON string.
    /// </summary>
    /// <exception cref="FormatException">A <c>${</c> without its <c>}</c>.</exception>
    /// <exception cref="KeyNotFoundException">The lookup returned null; the message names the variable.</exception>
    public static string Render(string template, Func<string, string?> lookup, bool json)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!template.Contains('$', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '$' && i + 2 < template.Length && template[i + 1] == '$' && template[i + 2] == '{')
            {
                result.Append("${");
                i += 2;
            }
            else if (c == '$' && i + 1 < template.Length && template[i + 1] == '{')
            {
                int end = template.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw new FormatException($"'${{' at offset {i} has no closing '}}'");
                }

                string name = template[(i + 2)..end];
                string value = lookup(name) ?? throw new KeyNotFoundException($"${{{name}}} has no value");
                result.Append(json ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value) : value);
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
