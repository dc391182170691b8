using System.Globalization;
using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Timestamps in query strings (ListBackupJobs' <c>createdAfter</c>…): ISO 8601 as the SDKs send them, or epoch seconds.</summary>
internal static class JobQueryValues
{
    public static DateTimeOffset? Time(RestJsonRequest request, string name, string member)
    {
        string? text = request.QueryValue(name);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal seconds) && seconds < 253_402_300_800m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time)
            ? time
            : throw BackupErrors.InvalidParameterValue($"{member}: '{(text.Length <= 64 ? text : text[..64] + "…")}' is not a timestamp (ISO 8601, e.g. 2026-11-26T05:00:00Z, or epoch seconds)");
    }
}
