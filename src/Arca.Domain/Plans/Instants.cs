using System.Globalization;

namespace Arca.Domain.Plans;

/// <summary>Formats instants for reasons and messages.</summary>
internal static class Instants
{
    /// <summary>UTC ISO 8601 to the second, e.g. <c>2024-05-01T05:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset instant)
    {
        return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
