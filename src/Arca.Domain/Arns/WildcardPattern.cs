namespace Arca.Domain.Arns;

/// <summary>
/// An IAM glob: <c>*</c> matches any run of characters (including none), <c>?</c> matches exactly one
/// character, everything else matches itself. Characters can also be marked literal, so that a
/// <c>*</c> or <c>?</c> coming from a policy variable (<c>${*}</c>, a substituted value) matches only itself.
/// </summary>
/// <remarks>
/// Matching never backtracks: the pattern is cut at its <c>*</c>s into segments; the first segment is
/// anchored at the start, the last at the end, and each middle segment is taken at its leftmost
/// occurrence, which is correct for globs. The cost is at most O(input length × pattern length) and
/// does not depend on how many stars there are. Instances are immutable and thread-safe.
/// </remarks>
public sealed class WildcardPattern
{
    private readonly string _text;
    private readonly bool[]? _literal;
    private readonly int[] _stars;

    /// <summary>Compiles <paramref name="pattern"/>, treating every <c>*</c> and <c>?</c> as a wildcard.</summary>
    public WildcardPattern(string pattern)
        : this(pattern ?? throw new ArgumentNullException(nameof(pattern)), null)
    {
    }

    private WildcardPattern(string text, bool[]? literal)
    {
        _text = text;
        _literal = literal;
        var stars = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && !IsLiteral(i))
            {
                stars.Add(i);
            }
        }

        _stars = [.. stars];
    }

    /// <summary>Whether the pattern contains at least one <c>*</c> or <c>?</c> wildcard.</summary>
    public bool HasWildcards
    {
        get
        {
            for (int i = 0; i < _text.Length; i++)
            {
                if (IsWildcardAt(i))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A pattern that matches exactly <paramref name="text"/>: its <c>*</c> and <c>?</c> are literal.</summary>
    public static WildcardPattern Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool[] literal = new bool[text.Length];
        Array.Fill(literal, true);
        return new WildcardPattern(text, literal);
    }

    /// <summary>Concatenates patterns, keeping which characters of each are literal.</summary>
    public static WildcardPattern Concat(IEnumerable<WildcardPattern> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new System.Text.StringBuilder();
        var literal = new List<bool>();
        foreach (WildcardPattern part in parts)
        {
            text.Append(part._text);
            for (int i = 0; i < part._text.Length; i++)
            {
                literal.Add(part.IsLiteral(i));
            }
        }

        return new WildcardPattern(text.ToString(), [.. literal]);
    }

    /// <summary>Returns whether the whole of <paramref name="input"/> matches the pattern.</summary>
    /// <param name="input">The text to test.</param>
    /// <param name="ignoreCase">Compare letters case-insensitively (invariant culture), as IAM does for actions.</param>
    public bool IsMatch(ReadOnlySpan<char> input, bool ignoreCase = false)
    {
        if (_stars.Length == 0)
        {
            return input.Length == _text.Length && SegmentMatches(0, input, ignoreCase);
        }

        int prefixLength = _stars[0];
        int suffixStart = _stars[^1] + 1;
        int suffixLength = _text.Length - suffixStart;
        if (input.Length < prefixLength + suffixLength)
        {
            return false;
        }

        int limit = input.Length - suffixLength;
        if (!SegmentMatches(0, input[..prefixLength], ignoreCase) ||
            !SegmentMatches(suffixStart, input[limit..], ignoreCase))
        {
            return false;
        }

        int position = prefixLength;
        for (int k = 0; k < _stars.Length - 1; k++)
        {
            int segmentStart = _stars[k] + 1;
            int segmentLength = _stars[k + 1] - segmentStart;
            if (segmentLength == 0)
            {
                continue;
            }

            int found = FindSegment(segmentStart, segmentLength, input[..limit], position, ignoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + segmentLength;
        }

        return true;
    }

    /// <summary>Returns the pattern text (literal marks are not shown).</summary>
    public override string ToString() => _text;

    /// <summary>Splits at <paramref name="separator"/> (which must not be <c>*</c> or <c>?</c>) into at most <paramref name="count"/> parts.</summary>
    internal WildcardPattern[] Split(char separator, int count)
    {
        var parts = new List<WildcardPattern>();
        int start = 0;
        while (parts.Count < count - 1)
        {
            int index = _text.IndexOf(separator, start);
            if (index < 0)
            {
                break;
            }

            parts.Add(Slice(start, index - start));
            start = index + 1;
        }

        parts.Add(Slice(start, _text.Length - start));
        return [.. parts];
    }

    private WildcardPattern Slice(int start, int length) =>
        new(_text.Substring(start, length), _literal?[start..(start + length)]);

    private bool IsLiteral(int index) => _literal is not null && _literal[index];

    private bool IsWildcardAt(int index) => (_text[index] == '*' || _text[index] == '?') && !IsLiteral(index);

    private int FindSegment(int segmentStart, int segmentLength, ReadOnlySpan<char> input, int from, bool ignoreCase)
    {
        for (int s = from; s + segmentLength <= input.Length; s++)
        {
            if (SegmentMatches(segmentStart, input.Slice(s, segmentLength), ignoreCase))
            {
                return s;
            }
        }

        return -1;
    }

    // Compares candidate.Length pattern characters from patternStart; the caller guarantees no '*' among them.
    private bool SegmentMatches(int patternStart, ReadOnlySpan<char> candidate, bool ignoreCase)
    {
        for (int i = 0; i < candidate.Length; i++)
        {
            int p = patternStart + i;
            char pc = _text[p];
            if (pc == '?' && !IsLiteral(p))
            {
                continue;
            }

            char c = candidate[i];
            if (pc != c && !(ignoreCase && char.ToUpperInvariant(pc) == char.ToUpperInvariant(c)))
            {
                return false;
            }
        }

        return true;
    }
}
