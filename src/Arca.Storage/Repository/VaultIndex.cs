using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// The in-memory union of a vault's index objects: blob id → where the blob is. Built once, then
/// read-only and safe for concurrent readers.
/// </summary>
public sealed class VaultIndex
{
    private readonly Dictionary<BlobId, Location> _blobs;
    private readonly List<BlobId> _packs;
    private readonly Dictionary<BlobId, int> _packNumbers;

    private VaultIndex(Dictionary<BlobId, Location> blobs, List<BlobId> packs, Dictionary<BlobId, int> packNumbers, IReadOnlyList<BlobId> indexObjects)
    {
        _blobs = blobs;
        _packs = packs;
        _packNumbers = packNumbers;
        IndexObjects = indexObjects;
    }

    /// <summary>The index objects this index was built from.</summary>
    public IReadOnlyList<BlobId> IndexObjects { get; }

    public int Count => _blobs.Count;

    /// <summary>Every pack some index object names.</summary>
    public IReadOnlyList<BlobId> Packs => _packs;

    public static VaultIndex Build(IEnumerable<(BlobId IndexId, IReadOnlyList<IndexedPack> Packs)> objects)
    {
        var blobs = new Dictionary<BlobId, Location>();
        var packs = new List<BlobId>();
        var numbers = new Dictionary<BlobId, int>();
        var ids = new List<BlobId>();
        foreach (var (indexId, indexed) in objects)
        {
            ids.Add(indexId);
            foreach (var pack in indexed)
            {
                if (!numbers.TryGetValue(pack.PackId, out var number))
                {
                    number = packs.Count;
                    packs.Add(pack.PackId);
                    numbers.Add(pack.PackId, number);
                }

                foreach (var e in pack.Entries)
                {
                    blobs.TryAdd(e.Id, new Location(number, e.Kind, e.Compression, e.Offset, e.Length, e.RawLength));
                }
            }
        }

        return new VaultIndex(blobs, packs, numbers, ids);
    }

    public bool Contains(BlobId id) => _blobs.ContainsKey(id);

    public bool ContainsPack(BlobId packId) => _packNumbers.ContainsKey(packId);

    /// <summary>Where a blob is, or false when no index object lists it.</summary>
    public bool TryFind(BlobId id, out BlobId packId, out PackEntry entry)
    {
        if (_blobs.TryGetValue(id, out var l))
        {
            packId = _packs[l.Pack];
            entry = new PackEntry(id, l.Kind, l.Compression, l.Offset, l.Length, l.RawLength);
            return true;
        }

        packId = default;
        entry = default;
        return false;
    }

    /// <summary>Every indexed blob, grouped by pack.</summary>
    public IEnumerable<IndexedPack> ByPack()
    {
        var groups = new List<PackEntry>[_packs.Count];
        foreach (var (id, l) in _blobs)
        {
            (groups[l.Pack] ??= []).Add(new PackEntry(id, l.Kind, l.Compression, l.Offset, l.Length, l.RawLength));
        }

        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] is { } entries)
            {
                entries.Sort((a, b) => a.Offset.CompareTo(b.Offset));
                yield return new IndexedPack(_packs[i], entries);
            }
        }
    }

    private readonly record struct Location(int Pack, BlobKind Kind, BlobCompression Compression, uint Offset, uint Length, uint RawLength);
}
