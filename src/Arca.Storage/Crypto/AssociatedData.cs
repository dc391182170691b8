using System.Text;
using Arca.Storage.Format;

namespace Arca.Storage.Crypto;

/// <summary>The associated data that binds each ciphertext to what it claims to be (vault-format.md §3).</summary>
public static class AssociatedData
{
    public const int BlobSize = 6 + 2 + BlobId.Size;

    public static ReadOnlySpan<byte> PackHeader => "arca1h"u8;

    public static ReadOnlySpan<byte> Index => "arca1i"u8;

    public static ReadOnlySpan<byte> Manifest => "arca1m"u8;

    public static ReadOnlySpan<byte> Lock => "arca1l"u8;

    public static ReadOnlySpan<byte> CopyLedger => "arca1x"u8;

    public static byte[] Config(string vaultId) => [.. "arca1c"u8, .. Encoding.UTF8.GetBytes(vaultId)];

    public static byte[] KeyWrap(string vaultId) => Encoding.UTF8.GetBytes("arca/v1/key-wrap/" + vaultId);

    /// <summary>Writes a blob's associated data into <paramref name="destination"/> (<see cref="BlobSize"/> bytes).</summary>
    public static void Blob(BlobKind kind, BlobCompression compression, BlobId id, Span<byte> destination)
    {
        "arca1b"u8.CopyTo(destination);
        destination[6] = (byte)kind;
        destination[7] = (byte)compression;
        id.WriteTo(destination[8..]);
    }
}
