using System.Globalization;
using System.Net;

namespace Arca.Domain.Iam.Internal;

/// <summary>Typed readings of condition values, shared by the parser (validation) and the evaluator (comparison).</summary>
internal static class ConditionValues
{
    public static bool TryParseBool(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>ISO 8601 date/time (UTC when no offset is given) or epoch seconds.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long epochSeconds)
            && epochSeconds is >= -62135596800 and <= 253402300799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
            return true;
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    /// <summary>A CIDR block, or a single address taken as a one-address block.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        network = default;
        return false;
    }
}