namespace Arca.Domain.Arns;

/// <summary>
/// One-shot IAM glob matching (<c>*</c> any run, <c>?</c> one character) without regular expressions;
/// see <see cref="WildcardPattern"/> for the algorithm and its linear-per-segment cost.
/// </summary>
public static class Wildcard
{
    /// <summary>Case-sensitive match of the whole <paramref name="input"/>, as IAM matches resources and string conditions.</summary>
    public static bool IsMatch(string pattern, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new WildcardPattern(pattern).IsMatch(input);
    }

    /// <summary>Case-insensitive match of the whole <paramref name="input"/>, as IAM matches actions.</summary>
    public static bool IsMatchIgnoreCase(string pattern, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new WildcardPattern(pattern).IsMatch(input, ignoreCase: true);
    }
}
