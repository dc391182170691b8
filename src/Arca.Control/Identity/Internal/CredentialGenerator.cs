using System.Security.Cryptography;

namespace Arca.Control.Identity.Internal;

/// <summary>Random identifiers and secrets in AWS's shapes.</summary>
internal static class CredentialGenerator
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary><c>AKIA</c> + 16 base-32 characters.</summary>
    public static string RootAccessKeyId() => "AKIA" + Random(Base32, 16);

    /// <summary><c>ASIA</c> + 16 base-32 characters.</summary>
    public static string SessionAccessKeyId() => "ASIA" + Random(Base32, 16);

    /// <summary><c>AROA</c> + 17 base-32 characters: a role's unique id.</summary>
    public static string RoleId() => "AROA" + Random(Base32, 17);

    /// <summary>40 characters of <c>[A-Za-z0-9+/]</c>.</summary>
    public static string SecretAccessKey() => Random(SecretAlphabet, 40);

    /// <summary>A long opaque token (base64 of 96 random bytes, as long as AWS's shorter tokens).</summary>
    public static string SessionToken() => "ArcA" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));

    /// <summary>Twelve digits, the first not zero.</summary>
    public static string AccountId() => RandomNumberGenerator.GetString("123456789", 1) + RandomNumberGenerator.GetString("0123456789", 11);

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);
}
