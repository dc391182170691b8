using System.Security.Cryptography;
using System.Text;
using Arca.Storage.Crypto;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// The ciphertext blob Arca's KMS returns (docs/design/kms.md §3), opaque to clients:
/// <code>
/// version (1 byte, 0x01) ‖ key id (16 bytes, the key's UUID, big-endian) ‖ salt (16 random bytes)
///   ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16)
/// </code>
/// The data key is HKDF-SHA256(key material, salt, "arca/v1/kms-ciphertext"), fresh for every ciphertext. The associated
/// data is <c>"arca/v1/kms-ciphertext\n" ‖ key ARN ‖ "\n" ‖ header (33 bytes) ‖ canonical encryption context</c>, so
/// the blob opens only under its key, with its header unchanged and the same encryption context.
/// </summary>
internal static class CiphertextBlob
{
    /// <summary>The only version written and read; a retired version number is never reused.</summary>
    public const byte Version1 = 0x01;

    public const int HeaderSize = 1 + 16 + SaltSize;
    public const int Overhead = HeaderSize + Aead.Overhead;

    private const int SaltSize = 16;
    private const string Purpose = "arca/v1/kms-ciphertext";

    /// <summary>The key id a blob names, or null when it is not a version-1 blob long enough to hold a plaintext.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> blob) =>
        blob.Length > Overhead && blob[0] == Version1 ? new Guid(blob.Slice(1, 16), bigEndian: true).ToString() : null;

    public static byte[] Seal(ReadOnlySpan<byte> material, string keyId, string keyArn, ReadOnlySpan<byte> plaintext, IReadOnlyDictionary<string, string>? context)
    {
        byte[] blob = new byte[Overhead + plaintext.Length];
        blob[0] = Version1;
        if (!Guid.Parse(keyId).TryWriteBytes(blob.AsSpan(1, 16), bigEndian: true, out _))
        {
            throw new InvalidOperationException("a key id is 16 bytes");
        }

        RandomNumberGenerator.Fill(blob.AsSpan(17, SaltSize));
        byte[] dataKey = DataKey(material, blob.AsSpan(17, SaltSize));
        try
        {
            using var aead = new Aead(dataKey);
            aead.Seal(plaintext, AssociatedData(keyArn, blob.AsSpan(0, HeaderSize), context), blob.AsSpan(HeaderSize));
            return blob;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The plaintext, or null when the blob was altered, belongs to another key, or <paramref name="context"/> differs.</summary>
    public static byte[]? TryOpen(ReadOnlySpan<byte> material, string keyArn, ReadOnlySpan<byte> blob, IReadOnlyDictionary<string, string>? context)
    {
        if (blob.Length <= Overhead || blob[0] != Version1)
        {
            return null;
        }

        byte[] dataKey = DataKey(material, blob.Slice(17, SaltSize));
        try
        {
            using var aead = new Aead(dataKey);
            return aead.TryOpen(blob[HeaderSize..], AssociatedData(keyArn, blob[..HeaderSize], context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] DataKey(ReadOnlySpan<byte> material, ReadOnlySpan<byte> salt)
    {
        byte[] key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, material, key, salt, Encoding.UTF8.GetBytes(Purpose));
        return key;
    }

    private static byte[] AssociatedData(string keyArn, ReadOnlySpan<byte> header, IReadOnlyDictionary<string, string>? context) =>
        [.. Encoding.UTF8.GetBytes(Purpose + "\n" + keyArn + "\n"), .. header, .. EncryptionContexts.Canonical(context)];
}
