using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Arca.Domain.Scheduling;

/// <summary>
/// Resolves the IANA time-zone names used by <c>ScheduleExpressionTimezone</c>. Reads the host's
/// time-zone database (tzdata) through <see cref="TimeZoneInfo"/>; results are cached by the
/// runtime. Thread-safe.
/// </summary>
public static partial class ScheduleTimeZones
{
    /// <summary>
    /// The zone a rule without <c>ScheduleExpressionTimezone</c> runs in. AWS documents "UTC by
    /// default"; moto returns <c>Etc/UTC</c>, which is also the canonical IANA name, so Arca fills
    /// in and returns <c>Etc/UTC</c>.
    /// </summary>
    public const string DefaultId = "Etc/UTC";

    /// <summary>
    /// Finds a zone by IANA name (e.g. <c>Europe/Berlin</c>, <c>America/New_York</c>, <c>Etc/UTC</c>).
    /// Names are checked against a conservative pattern first (letters, digits, <c>_ + - /</c>, at most
    /// 64 characters, no <c>..</c>), so hostile input never reaches the file system lookup. Returns
    /// false for unknown or malformed names; never throws.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? timeZone)
    {
        timeZone = null;
        if (id is null || !IanaName().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-/]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IanaName();
}
