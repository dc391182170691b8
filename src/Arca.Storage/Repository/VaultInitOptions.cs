using Arca.Storage.Chunking;

namespace Arca.Storage.Repository;

/// <summary>Settings fixed when a vault is created.</summary>
public sealed record VaultInitOptions
{
    public ChunkerParameters Chunker { get; init; } = ChunkerParameters.Default;

    /// <summary>
    /// zstd level for new blobs. 2 by default: within 0.5 % of level 3's size on mixed data for about
    /// 20 % less CPU (docs/benchmarks.md).
    /// </summary>
    public int CompressionLevel { get; init; } = 2;

    /// <summary>Target size of a pack in bytes (8 MiB: two pack buffers are most of a backup's memory).</summary>
    public int PackSize { get; init; } = 8 * 1024 * 1024;
}
