using System.Globalization;
using System.Text.RegularExpressions;

namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>The value rules used by <see cref="BackupPolicySchema"/>.</summary>
internal static class ValueRules
{
    /// <summary>Free text of a bounded length.</summary>
    public static ValueRule Text(int min, int max, string sample) =>
        new($"a string of {min}-{max} characters", sample, raw => raw.Length >= min && raw.Length <= max ? raw : null);

    /// <summary>A whole number written as a JSON number or a string.</summary>
    public static ValueRule Integer(long min, long max, string sample) =>
        new($"a number {min}-{max}", sample, raw => NormalizeInteger(raw, min, max));

    /// <summary><c>true</c> or <c>false</c> (JSON boolean or string, any case).</summary>
    public static ValueRule Boolean() =>
        new("true or false", "false", static raw => raw.ToUpperInvariant() switch
        {
            "TRUE" => "true",
            "FALSE" => "false",
            _ => null,
        });

    /// <summary>One of a fixed set of words (exact case).</summary>
    public static ValueRule OneOf(params string[] allowed) =>
        new(OneOfText(allowed), allowed[0], raw => Array.IndexOf(allowed, raw) >= 0 ? raw : null);

    /// <summary>A value matching a pattern.</summary>
    public static ValueRule Pattern(Regex pattern, string expectation, string sample) =>
        new(expectation, sample, raw => pattern.IsMatch(raw) ? raw : null);

    /// <summary>An ARN; <c>$account</c> and <c>$region</c> placeholders are allowed.</summary>
    public static ValueRule Arn(string sample) =>
        new("an ARN such as " + sample, sample, static raw => IsArn(raw) ? raw : null);

    /// <summary><c>*</c> or an ARN pattern, for <c>resource_types</c>.</summary>
    public static ValueRule ResourcePattern() =>
        new("\"*\" or an ARN pattern such as arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*:*:volume/*",
            static raw => raw == "*" || IsArn(raw) ? raw : null);

    private static bool IsArn(string raw) =>
        raw.StartsWith("arn:", StringComparison.Ordinal) && raw.Split(':').Length >= 6 && !raw.Any(char.IsWhiteSpace);

    private static string? NormalizeInteger(string raw, long min, long max)
    {
        if (!PolicyPatterns.Digits().IsMatch(raw))
        {
            return null;
        }

        var value = long.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture);
        return value >= min && value <= max ? value.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string OneOfText(string[] allowed) =>
        allowed.Length == 1 ? allowed[0] : "one of " + string.Join(", ", allowed);
}
