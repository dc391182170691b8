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

    /// <summary>A CIDR block (host bits are ignored, as in <c>10.0.0.1/8</c>), or a single address taken as a one-address block.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        network = default;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out IPAddress? address))
        {
            return false;
        }

        byte[] bytes = address.GetAddressBytes();
        int prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8))
        {
            return false;
        }

        for (int bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }
}
