using Arca.Storage.Chunking;

namespace Arca.Storage.Repository;

/// <summary>Settings fixed when a vault is created.</summary>
public sealed record VaultInitOptions
{
    public ChunkerParameters Chunker { get; init; } = ChunkerParameters.Default;

    /// <summary>zstd level for new blobs (1 fastest; 3 is zstd's default).</summary>
    public int CompressionLevel { get; init; } = 3;

    /// <summary>Target size of a pack in bytes.</summary>
    public int PackSize { get; init; } = 16 * 1024 * 1024;
}
