using System.Security.Cryptography;
using System.Text;

namespace Arca.Api.Auth;

/// <summary>The SigV4 signing-key derivation and the final HMAC.</summary>
/// <remarks>Pure functions; thread-safe. Callers must not log the inputs or the derived key.</remarks>
public static class SigV4SigningKey
{
    /// <summary>
    /// <c>HMAC("AWS4" + secret, date) → region → service → "aws4_request"</c>, each step keyed by the
    /// previous result. The result is as secret as <paramref name="secretAccessKey"/> for one day,
    /// region and service.
    /// </summary>
    public static byte[] Derive(string secretAccessKey, string date, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    /// <summary>The signature: lowercase hex of <c>HMAC(signingKey, stringToSign)</c>.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(SignBytes(signingKey, stringToSign));

    /// <summary>The raw 32 bytes of <c>HMAC(signingKey, stringToSign)</c>.</summary>
    public static byte[] SignBytes(byte[] signingKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        return HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign));
    }
}
