namespace Arca.Storage.Format;

/// <summary>One blob inside a pack: where it is and what it holds.</summary>
public readonly record struct PackEntry(BlobId Id, BlobKind Kind, BlobCompression Compression, uint Offset, uint Length, uint RawLength);
