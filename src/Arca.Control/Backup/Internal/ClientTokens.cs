using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Arca.Control.Backup.Internal;

/// <summary><c>CreatorRequestId</c>s: 1–50 characters of <c>[A-Za-z0-9-_.]</c>, and fingerprints of the requests that used them.</summary>
internal static partial class ClientTokens
{
    /// <summary>The token, or null when absent; an invalid one is refused naming <paramref name="field"/>.</summary>
    public static string? Validate(string? token, string field = "CreatorRequestId")
    {
        if (token is null)
        {
            return null;
        }

        return Pattern().IsMatch(token)
            ? token
            : throw BackupErrors.InvalidParameterValue($"{field}: must contain 1 to 50 alphanumeric or '-_.' characters");
    }

    /// <summary>SHA-256 of the request's canonical parts, hex.</summary>
    public static string Fingerprint(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (string part in parts)
        {
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Tags in a canonical order, for fingerprints.</summary>
    public static string Canonical(IReadOnlyDictionary<string, string> tags) =>
        string.Join('\n', tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    [GeneratedRegex(@"^[A-Za-z0-9\-_.]{1,50}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
