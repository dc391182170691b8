namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// Dotted paths such as <c>plans.p.rules.r.lifecycle</c>. A key containing <c>.</c>, brackets,
/// quotes or white space is written <c>["a.b"]</c> so that paths stay unambiguous.
/// </summary>
internal static class PolicyPath
{
    /// <summary>The path of <paramref name="key"/> inside <paramref name="parent"/>.</summary>
    public static string Append(string parent, string key)
    {
        if (NeedsQuotes(key))
        {
            return parent + "[\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
        }

        return parent.Length == 0 ? key : parent + "." + key;
    }

    /// <summary>"plans.p" or "the top level" for the root, for messages.</summary>
    public static string Describe(string path) => path.Length == 0 ? "the top level" : path;

    private static bool NeedsQuotes(string key) =>
        key.Length == 0 || key.Any(static c => c is '.' or '[' or ']' or '"' || char.IsWhiteSpace(c) || char.IsControl(c));
}
