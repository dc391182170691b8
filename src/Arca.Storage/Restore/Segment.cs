using Arca.Storage.Format;

namespace Arca.Storage.Restore;

/// <summary>A run of a file's chunks: their ids, and the byte range [Start, End) of the file they make up.</summary>
internal sealed record Segment(FileJob File, BlobId[] Chunks, long Start, long End);
