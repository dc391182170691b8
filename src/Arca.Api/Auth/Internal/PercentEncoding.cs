using System.Text;

namespace Arca.Api.Auth.Internal;

/// <summary>
/// RFC 3986 percent-encoding as SigV4 defines it: the unreserved set is <c>A-Z a-z 0-9 - _ . ~</c>,
/// every other byte of the UTF-8 form becomes <c>%XX</c> with uppercase hex digits.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>True for the bytes SigV4 never encodes.</summary>
    public static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>
    /// Appends <paramref name="text"/>'s UTF-8 bytes, encoding every byte outside the unreserved set
    /// (and outside <c>/</c> too unless <paramref name="keepSlash"/>). A <c>%</c> is encoded like any
    /// other byte, which is what makes the non-S3 canonical URI a double encoding.
    /// </summary>
    public static void EncodeText(StringBuilder output, ReadOnlySpan<char> text, bool keepSlash)
    {
        EncodeBytes(output, Utf8(text), keepSlash);
    }

    /// <summary>Appends <paramref name="bytes"/>, percent-encoding every byte outside the unreserved set.</summary>
    public static void EncodeBytes(StringBuilder output, ReadOnlySpan<byte> bytes, bool keepSlash)
    {
        foreach (byte b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == (byte)'/'))
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
    }

    /// <summary>
    /// Decodes <c>%XX</c> escapes (either hex case) to bytes. A <c>%</c> not followed by two hex digits
    /// stays a literal <c>%</c>; <c>+</c> stays a literal <c>+</c> (RFC 3986, not form encoding); any other
    /// character contributes its UTF-8 bytes. Never throws.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        var output = new List<byte>(text.Length);
        int runStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '%' || !HasEscape(text, i))
            {
                continue;
            }

            output.AddRange(Utf8(text[runStart..i]));
            output.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
            i += 2;
            runStart = i + 1;
        }

        output.AddRange(Utf8(text[runStart..]));
        return [.. output];
    }

    /// <summary>Decodes like <see cref="Decode"/> and then reads the bytes as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string DecodeToString(ReadOnlySpan<char> text) => Encoding.UTF8.GetString(Decode(text));

    /// <summary>Decodes and re-encodes: the canonical form of one query name, query value or S3 path segment.</summary>
    public static string Reencode(ReadOnlySpan<char> text)
    {
        var output = new StringBuilder(text.Length + 8);
        EncodeBytes(output, Decode(text), keepSlash: false);
        return output.ToString();
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Utf8(ReadOnlySpan<char> text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static bool HasEscape(ReadOnlySpan<char> text, int index) =>
        index + 2 < text.Length && HexValue(text[index + 1]) >= 0 && HexValue(text[index + 2]) >= 0;

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
