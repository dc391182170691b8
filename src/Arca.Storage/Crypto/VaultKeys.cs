using System.Security.Cryptography;
using System.Text;
using Arca.Storage.Format;

namespace Arca.Storage.Crypto;

/// <summary>
/// The keys derived from a vault's master key (vault-format.md §3): the AEAD key, the blob-id HMAC
/// key and the chunker seed. Immutable and thread-safe; AEAD instances are created per thread.
/// </summary>
public sealed class VaultKeys
{
    public const int MasterKeySize = 32;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _idKey;
    private readonly byte[] _chunkerKey;

    public VaultKeys(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != MasterKeySize)
        {
            throw new ArgumentException($"a master key has {MasterKeySize} bytes", nameof(masterKey));
        }

        _encryptionKey = Derive(masterKey, "arca/v1/encrypt");
        _idKey = Derive(masterKey, "arca/v1/blob-id");
        _chunkerKey = Derive(masterKey, "arca/v1/chunker");
    }

    public static byte[] NewMasterKey() => RandomNumberGenerator.GetBytes(MasterKeySize);

    /// <summary>A new AEAD under the vault's encryption key; use one per thread.</summary>
    public Aead CreateAead() => new(_encryptionKey);

    /// <summary>The keyed blob id of a plaintext: HMAC-SHA256 under the id key.</summary>
    public BlobId ComputeId(ReadOnlySpan<byte> plaintext)
    {
        Span<byte> mac = stackalloc byte[BlobId.Size];
        HMACSHA256.HashData(_idKey, plaintext, mac);
        return new BlobId(mac);
    }

    /// <summary>The chunker's 256-entry gear table, derived from the chunker key.</summary>
    public ulong[] GearTable()
    {
        var table = new ulong[256];
        Span<byte> input = stackalloc byte[4];
        Span<byte> mac = stackalloc byte[32];
        for (var i = 0; i < table.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(input, (uint)i);
            HMACSHA256.HashData(_chunkerKey, input, mac);
            table[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(mac);
        }

        return table;
    }

    private static byte[] Derive(ReadOnlySpan<byte> masterKey, string info)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, key, ReadOnlySpan<byte>.Empty, Encoding.ASCII.GetBytes(info));
        return key;
    }
}
