using Arca.Storage.Blobs;
using Arca.Storage.Chunking;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>A fresh vault in memory (or on disk) with small chunks and packs, so tests exercise many of each.</summary>
public sealed class VaultFixture : IDisposable
{
    public static readonly VaultInitOptions SmallOptions = new()
    {
        Chunker = new ChunkerParameters(Format.FormatIds.ChunkerFastCdcGearV1, 1024, 4096, 16 * 1024),
        PackSize = 64 * 1024,
        CompressionLevel = 3,
    };

    public VaultFixture()
    {
        Dir = new TempDirectory();
        KeyFile = LocalKeyFile.LoadOrCreate(Dir.Sub("key"), out _);
    }

    public TempDirectory Dir { get; }

    public LocalKeyFile KeyFile { get; }

    public MemoryBlobStore Memory { get; } = new();

    public async Task<Vault> InitAsync(IBlobStore? store = null, VaultInitOptions? options = null) =>
        await Vault.InitAsync(store ?? Memory, KeyFile, options ?? SmallOptions, TimeProvider.System);

    public async Task<Vault> OpenAsync(IBlobStore? store = null) =>
        await Vault.OpenAsync(store ?? Memory, KeyFile, TimeProvider.System);

    public string Source(string name = "src")
    {
        var path = Dir.Sub(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => Dir.Dispose();
}
