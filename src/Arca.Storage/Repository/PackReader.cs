using System.Buffers.Binary;
using System.Security.Cryptography;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>Reads a whole pack's trailer and header (vault-format.md §6).</summary>
internal static class PackReader
{
    /// <summary>
    /// Checks that <paramref name="pack"/> is the pack named <paramref name="packId"/> (its sealed
    /// header hashes to the name and authenticates) and returns its entries; null with a reason otherwise.
    /// </summary>
    public static IReadOnlyList<PackEntry>? TryReadHeader(ReadOnlySpan<byte> pack, BlobId packId, Aead aead, out string? problem)
    {
        problem = null;
        if (pack.Length < 4 + Aead.Overhead)
        {
            problem = "pack is truncated";
            return null;
        }

        var headerLength = BinaryPrimitives.ReadUInt32LittleEndian(pack[^4..]);
        if (headerLength < Aead.Overhead || headerLength > pack.Length - 4)
        {
            problem = "pack trailer is invalid (truncated or altered)";
            return null;
        }

        var sealedHeader = pack.Slice(pack.Length - 4 - (int)headerLength, (int)headerLength);
        if (new BlobId(SHA256.HashData(sealedHeader)) != packId)
        {
            problem = "pack header does not match the pack's name (truncated or altered)";
            return null;
        }

        var header = aead.TryOpen(sealedHeader, AssociatedData.PackHeader);
        if (header is null)
        {
            problem = "pack header failed authentication";
            return null;
        }

        return PackHeader.TryDecode(header, pack.Length - 4 - headerLength, out problem);
    }
}
