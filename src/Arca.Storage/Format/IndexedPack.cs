namespace Arca.Storage.Format;

/// <summary>A pack and the blobs it holds, as an index object lists them.</summary>
public sealed record IndexedPack(BlobId PackId, IReadOnlyList<PackEntry> Entries);
