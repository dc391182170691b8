using System.Diagnostics.CodeAnalysis;
using Arca.Domain.Arns;

namespace Arca.Domain.Selections;

/// <summary>
/// An entry of <see cref="BackupSelection.Resources"/> or <see cref="BackupSelection.NotResources"/>: a resource
/// ARN, <c>*</c> alone (every resource), or an ARN with wildcards. A <c>*</c> may stand for the whole region or
/// account component (<c>arn:aws:arca:*:*:directory/*</c>, the shape AWS uses for "every resource of a type") or
/// end the resource part as a prefix wildcard (<c>arn:aws:arca:us-east-1:111111111111:directory/web-*</c>);
/// nowhere else. <c>*</c> matches any run of characters; every other character, <c>?</c> included, matches
/// itself (case-sensitive). Immutable and thread-safe.
/// </summary>
public sealed class ResourcePattern
{
    /// <summary>Longest accepted entry, in characters.</summary>
    public const int MaxLength = 2048;

    private readonly WildcardPattern _glob;

    private ResourcePattern(string text, bool hasWildcards)
    {
        Text = text;
        HasWildcards = hasWildcards;
        _glob = WildcardPattern.Concat(text.Split('*').SelectMany((part, i) =>
            i == 0 ? new[] { WildcardPattern.Literal(part) } : [new WildcardPattern("*"), WildcardPattern.Literal(part)]));
    }

    /// <summary>The entry as written.</summary>
    public string Text { get; }

    /// <summary>Whether the entry has a <c>*</c>: it then selects only opted-in resource types, like a tag selection.</summary>
    public bool HasWildcards { get; }

    /// <summary>Parses an entry; <paramref name="problem"/> says why it is refused.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out ResourcePattern? pattern, [NotNullWhen(false)] out string? problem)
    {
        pattern = null;
        problem = Check(text);
        if (problem is not null)
        {
            return false;
        }

        pattern = new ResourcePattern(text!, text!.Contains('*', StringComparison.Ordinal));
        return true;
    }

    /// <summary>Whether <paramref name="resourceArn"/> is this ARN, or matches this pattern.</summary>
    public bool Matches(string resourceArn)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        return _glob.IsMatch(resourceArn);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "must be a resource ARN or '*', not empty";
        }

        if (text.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (text == "*")
        {
            return null;
        }

        string[] parts = text.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return "must be a resource ARN (arn:partition:service:region:account:resource) or '*'";
        }

        if (parts[1].Contains('*', StringComparison.Ordinal) || parts[2].Contains('*', StringComparison.Ordinal))
        {
            return "may use '*' only as the whole region, the whole account, or at the end of the resource";
        }

        if (parts[3] != "*" && parts[3].Contains('*', StringComparison.Ordinal))
        {
            return "may use '*' in the region only as the whole region";
        }

        if (parts[4] != "*" && parts[4].Length > 0 && !AccountId.IsValid(parts[4]))
        {
            return "must have a 12-digit account id, or '*' for any account";
        }

        string resource = parts[5];
        int star = resource.IndexOf('*', StringComparison.Ordinal);
        if (resource.Length == 0 || (star >= 0 && star != resource.Length - 1))
        {
            return resource.Length == 0
                ? "must name a resource after the account"
                : "may use '*' in the resource only once, at its end (a prefix wildcard)";
        }

        string concrete = $"arn:{parts[1]}:{parts[2]}:{(parts[3] == "*" ? "us-east-1" : parts[3])}:{(parts[4] == "*" ? "111111111111" : parts[4])}:{(star >= 0 ? resource[..star] + "x" : resource)}";
        return Arn.TryParse(concrete, out _, out _) ? null : "is not a well-formed ARN (lower-case partition, service and region; a 12-digit account)";
    }
}
