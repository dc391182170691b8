using System.Collections.Concurrent;
using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Format;
using Arca.Storage.Restore;
using Arca.Storage.Tests.Engine;

namespace Arca.Storage.Tests.Blobs;

/// <summary>The read-ahead hint: harmless in the local store, passed on by decorators, given once per pack by a restore.</summary>
public sealed class PrefetchTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task The_local_store_takes_the_hint_for_present_and_missing_objects_and_changes_nothing()
    {
        var root = _f.Dir.Sub("store");
        Directory.CreateDirectory(root);
        var store = new LocalBlobStore(root);
        Assert.True(await store.TryCreateAsync("data/ab/abc", new byte[] { 1, 2, 3 }));

        IBlobReader reader = store;
        reader.Prefetch("data/ab/abc");
        reader.Prefetch("data/cd/missing");

        Assert.Equal([1, 2, 3], await store.ReadAllAsync("data/ab/abc"));
        Assert.Null(await store.GetSizeAsync("data/cd/missing"));
    }

    [Fact]
    public void Decorators_pass_the_hint_to_the_store_they_wrap()
    {
        var inner = new RecordingStore(new MemoryBlobStore());
        IBlobReader retrying = new RetryingBlobStore(new FaultInjectingBlobStore(inner), TimeProvider.System);
        retrying.Prefetch("data/ab/abc");
        Assert.Equal(["data/ab/abc"], inner.Prefetched);
    }

    [Fact]
    public async Task A_restore_asks_for_every_pack_it_reads_once()
    {
        var src = _f.Source();
        for (var i = 0; i < 12; i++)
        {
            TreeBuilder.File(src, $"d{i % 3}/f{i}", TreeBuilder.Random(30_000 + i, i));
        }

        var store = new RecordingStore(_f.Memory);
        var vault = await _f.InitAsync(store);
        var backup = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        await vault.Reader.LoadIndexAsync();

        var restored = await DirectoryRestore.RunAsync(vault.Reader, backup.RecoveryPointId, _f.Dir.Sub("out"), new RestoreOptions());

        Assert.Empty(restored.Errors);
        var dataPacks = vault.Reader.Index.ByPack()
            .Where(p => p.Entries.Any(e => e.Kind == BlobKind.Data))
            .Select(p => FormatIds.PackKey(p.PackId))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(dataPacks.Count > 1);
        Assert.Equal(dataPacks, store.Prefetched.Order(StringComparer.Ordinal));
    }

    private sealed class RecordingStore(IBlobStore inner) : IBlobStore
    {
        private readonly ConcurrentQueue<string> _prefetched = new();

        public IReadOnlyList<string> Prefetched => [.. _prefetched];

        public string Location => inner.Location;

        public void Prefetch(string key) => _prefetched.Enqueue(key);

        public ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
            inner.TryCreateAsync(key, data, cancellationToken);

        public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAllAsync(key, cancellationToken);

        public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadRangeAsync(key, offset, buffer, cancellationToken);

        public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default) => inner.GetSizeAsync(key, cancellationToken);

        public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    }
}
