using System.Security.Cryptography;
using System.Text;
using Arca.Control.Identity;
using Arca.Storage.Crypto;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// A key's material: 32 random bytes, sealed at rest with AES-256-GCM under a key derived (HKDF-SHA256, purpose
/// <c>arca/v1/kms-key-material</c>) from the region's master key; the associated data binds the sealed value to the key's
/// ARN, so sealed material copied to another key record does not open (docs/design/kms.md §2).
/// </summary>
internal static class KeyMaterial
{
    /// <summary>The length of key material, in bytes.</summary>
    public const int Size = 32;

    private const string Purpose = "arca/v1/kms-key-material";
    private const string Prefix = "v1.";

    /// <summary>Fresh random material for <paramref name="keyArn"/>, returned sealed only.</summary>
    public static string Generate(MasterKey regionKey, string keyArn)
    {
        byte[] material = RandomNumberGenerator.GetBytes(Size);
        try
        {
            return Seal(regionKey, keyArn, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static string Seal(MasterKey regionKey, string keyArn, ReadOnlySpan<byte> material)
    {
        byte[] sealingKey = regionKey.Derive(Purpose);
        try
        {
            using var aead = new Aead(sealingKey);
            return Prefix + Convert.ToBase64String(aead.Seal(material, AssociatedData(keyArn)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sealingKey);
        }
    }

    /// <summary>The material of <paramref name="keyArn"/>; the caller zeroes it after use.</summary>
    /// <exception cref="CryptographicException">The sealed value was altered, belongs to another key, or the region's master key changed.</exception>
    public static byte[] Open(MasterKey regionKey, string keyArn, string sealedMaterial)
    {
        if (!sealedMaterial.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException($"The key material of {keyArn} is in an unknown format.");
        }

        byte[] envelope;
        try
        {
            envelope = Convert.FromBase64String(sealedMaterial[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException($"The key material of {keyArn} is not base64.", e);
        }

        byte[] sealingKey = regionKey.Derive(Purpose);
        try
        {
            using var aead = new Aead(sealingKey);
            return aead.TryOpen(envelope, AssociatedData(keyArn)) is { Length: Size } material
                ? material
                : throw new CryptographicException($"The key material of {keyArn} does not open: the region's master key is not the one that sealed it, or the record was altered.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sealingKey);
        }
    }

    private static byte[] AssociatedData(string keyArn) => Encoding.UTF8.GetBytes(Purpose + "\n" + keyArn);
}
