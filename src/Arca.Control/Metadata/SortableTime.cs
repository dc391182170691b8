using System.Globalization;

namespace Arca.Control.Metadata;

/// <summary>Timestamps as index-field text whose ordinal order is time order (UTC, fixed width, 100 ns precision).</summary>
public static class SortableTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary><c>2026-11-26T05:41:59.0000000Z</c>.</summary>
    public static string ToIndex(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
