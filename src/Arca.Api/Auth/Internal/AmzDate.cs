using System.Globalization;

namespace Arca.Api.Auth.Internal;

/// <summary>The two request-time formats SigV4 reads, and the one it writes.</summary>
internal static class AmzDate
{
    /// <summary>ISO 8601 basic format, UTC: <c>20150830T123600Z</c>.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary><paramref name="time"/> in ISO 8601 basic format, UTC.</summary>
    public static string ToAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>yyyyMMddTHHmmssZ</c>; nothing else.</summary>
    public static bool TryParseAmzDate(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, Utc, out time);

    /// <summary>Reads an RFC 1123 <c>Date</c> header (<c>Sun, 30 Aug 2015 12:36:00 GMT</c>).</summary>
    public static bool TryParseHttpDate(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, Utc, out time);
}
