namespace Arca.Control.Metadata.Internal;

/// <summary>
/// The key order of every metadata store: Unicode code-point order, which is the byte order of
/// UTF-8 and so SQLite's <c>BINARY</c> collation. It differs from <see cref="StringComparer.Ordinal"/>
/// (UTF-16 code units) only between supplementary characters and U+E000–U+FFFF.
/// </summary>
internal sealed class KeyOrder : IComparer<string>
{
    public static KeyOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                // Surrogates (D800–DFFF) encode code points above FFFF: they sort after every BMP character.
                return Weight(a).CompareTo(Weight(b));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
