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
    /// Names are checked against a conservative pattern first (segments of letters, digits and <c>_ + -</c>
    /// separated by single <c>/</c>, at most 64 characters), and the database's own non-zone entries
    /// (<c>posix/</c>, <c>right/</c>, <c>posixrules</c>, <c>localtime</c>) are refused, so hostile input never
    /// reaches the file system lookup. Returns false for unknown or malformed names, and for names the
    /// lookup cannot read (a directory of the database, such as <c>Europe</c>); never throws.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? timeZone)
    {
        timeZone = null;
        if (id is null || id.Length > 64 || !IanaName().IsMatch(id) || NotZones().IsMatch(id))
        {
            return false;
        }

        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException
            or UnauthorizedAccessException or IOException or ArgumentException)
        {
            // A directory of the database (Europe, Etc/) is refused by the runtime with a SecurityException.
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IanaName();

    [GeneratedRegex(@"^(posix/|right/|posixrules\z|localtime\z)", RegexOptions.CultureInvariant)]
    private static partial Regex NotZones();
}
