using System.Buffers.Binary;

namespace Arca.Storage.Format;

/// <summary>
/// Encoding of a pack header's plaintext (vault-format.md §6):
/// <c>"APK1" ‖ count ‖ count × (kind ‖ compression ‖ stored length ‖ raw length ‖ id)</c>.
/// Offsets are implied by the order of entries.
/// </summary>
public static class PackHeader
{
    public const int EntrySize = 1 + 1 + 4 + 4 + BlobId.Size;

    public static byte[] Encode(IReadOnlyList<PackEntry> entries)
    {
        var bytes = new byte[8 + (entries.Count * EntrySize)];
        FormatIds.PackHeaderMagic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)entries.Count);
        var span = bytes.AsSpan(8);
        foreach (var e in entries)
        {
            span[0] = (byte)e.Kind;
            span[1] = (byte)e.Compression;
            BinaryPrimitives.WriteUInt32LittleEndian(span[2..], e.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[6..], e.RawLength);
            e.Id.WriteTo(span[10..]);
            span = span[EntrySize..];
        }

        return bytes;
    }

    /// <summary>Decodes a header; returns null with a reason when it is malformed.</summary>
    public static IReadOnlyList<PackEntry>? TryDecode(ReadOnlySpan<byte> bytes, long blobsLength, out string? problem)
    {
        problem = null;
        if (bytes.Length < 8 || !bytes[..4].SequenceEqual(FormatIds.PackHeaderMagic))
        {
            problem = "pack header has no magic";
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if ((long)count * EntrySize != bytes.Length - 8)
        {
            problem = $"pack header says {count} entries but has {bytes.Length} bytes";
            return null;
        }

        var entries = new PackEntry[count];
        long offset = 0;
        var span = bytes[8..];
        for (var i = 0; i < count; i++)
        {
            var kind = (BlobKind)span[0];
            var compression = (BlobCompression)span[1];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(span[2..]);
            var raw = BinaryPrimitives.ReadUInt32LittleEndian(span[6..]);
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(compression) || offset + length > blobsLength)
            {
                problem = $"pack header entry {i} is invalid";
                return null;
            }

            entries[i] = new PackEntry(new BlobId(span.Slice(10, BlobId.Size)), kind, compression, (uint)offset, length, raw);
            offset += length;
            span = span[EntrySize..];
        }

        if (offset != blobsLength)
        {
            problem = $"pack header covers {offset} bytes of blobs, the pack holds {blobsLength}";
            return null;
        }

        return entries;
    }
}
