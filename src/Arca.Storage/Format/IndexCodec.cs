using System.Buffers.Binary;

namespace Arca.Storage.Format;

/// <summary>
/// Encoding of an index object's plaintext (vault-format.md §7):
/// <c>"AIX1" ‖ pack count ‖ per pack: pack id ‖ blob count ‖ per blob: id ‖ kind ‖ compression ‖ offset ‖ length ‖ raw length</c>.
/// </summary>
public static class IndexCodec
{
    private const int BlobEntrySize = BlobId.Size + 1 + 1 + 4 + 4 + 4;

    public static byte[] Encode(IReadOnlyList<IndexedPack> packs)
    {
        var size = 8L;
        foreach (var p in packs)
        {
            size += BlobId.Size + 4 + ((long)p.Entries.Count * BlobEntrySize);
        }

        var bytes = new byte[size];
        FormatIds.IndexMagic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)packs.Count);
        var span = bytes.AsSpan(8);
        foreach (var p in packs)
        {
            p.PackId.WriteTo(span);
            BinaryPrimitives.WriteUInt32LittleEndian(span[BlobId.Size..], (uint)p.Entries.Count);
            span = span[(BlobId.Size + 4)..];
            foreach (var e in p.Entries)
            {
                e.Id.WriteTo(span);
                span[32] = (byte)e.Kind;
                span[33] = (byte)e.Compression;
                BinaryPrimitives.WriteUInt32LittleEndian(span[34..], e.Offset);
                BinaryPrimitives.WriteUInt32LittleEndian(span[38..], e.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(span[42..], e.RawLength);
                span = span[BlobEntrySize..];
            }
        }

        return bytes;
    }

    /// <summary>Decodes an index; returns null with a reason when it is malformed.</summary>
    public static List<IndexedPack>? TryDecode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length < 8 || !bytes[..4].SequenceEqual(FormatIds.IndexMagic))
        {
            problem = "index has no magic";
            return null;
        }

        var packCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        var packs = new List<IndexedPack>((int)Math.Min(packCount, 1 << 16));
        var span = bytes[8..];
        for (var p = 0; p < packCount; p++)
        {
            if (span.Length < BlobId.Size + 4)
            {
                problem = "index is truncated";
                return null;
            }

            var packId = new BlobId(span[..BlobId.Size]);
            var count = BinaryPrimitives.ReadUInt32LittleEndian(span[BlobId.Size..]);
            span = span[(BlobId.Size + 4)..];
            if ((long)count * BlobEntrySize > span.Length)
            {
                problem = "index is truncated";
                return null;
            }

            var entries = new PackEntry[count];
            for (var i = 0; i < count; i++)
            {
                var kind = (BlobKind)span[32];
                var compression = (BlobCompression)span[33];
                if (!Enum.IsDefined(kind) || !Enum.IsDefined(compression))
                {
                    problem = $"index entry {i} of pack {packId.Short()} is invalid";
                    return null;
                }

                entries[i] = new PackEntry(
                    new BlobId(span[..BlobId.Size]),
                    kind,
                    compression,
                    BinaryPrimitives.ReadUInt32LittleEndian(span[34..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(span[38..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(span[42..]));
                span = span[BlobEntrySize..];
            }

            packs.Add(new IndexedPack(packId, entries));
        }

        if (!span.IsEmpty)
        {
            problem = "index has trailing bytes";
            return null;
        }

        return packs;
    }
}
