using Arca.Storage.Format;

namespace Arca.Storage.Restore;

/// <summary>A run of a file's chunks: their ids and where the first one starts in the file.</summary>
internal sealed record Segment(FileJob File, BlobId[] Chunks, long[] Offsets);
