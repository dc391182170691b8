using System.Text;
using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Blobs;

/// <summary>
/// The one conformance suite every <see cref="IBlobStore"/> passes (STYLE.md 5). A store's test class
/// derives from it and supplies a fresh, empty store.
/// </summary>
public abstract class BlobStoreConformance : IDisposable
{
    private IBlobStore? _store;

    // Thread-safe: the concurrency tests' first touch comes from many tasks at once, which must share one store.
    protected IBlobStore Store => LazyInitializer.EnsureInitialized(ref _store, CreateStore);

    protected abstract IBlobStore CreateStore();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Created_object_reads_back_byte_for_byte()
    {
        var data = RandomBytes(100_000, 1);
        Assert.True(await Store.TryCreateAsync("data/ab/abcdef", data));
        Assert.Equal(data, await Store.ReadAllAsync("data/ab/abcdef"));
        Assert.Equal(data.Length, await Store.GetSizeAsync("data/ab/abcdef"));
    }

    [Fact]
    public async Task Empty_object_is_allowed()
    {
        Assert.True(await Store.TryCreateAsync("locks/empty", Array.Empty<byte>()));
        Assert.Empty(await Store.ReadAllAsync("locks/empty"));
        Assert.Equal(0, await Store.GetSizeAsync("locks/empty"));
    }

    [Fact]
    public async Task Create_is_conditional_and_never_overwrites()
    {
        Assert.True(await Store.TryCreateAsync("config", Encoding.UTF8.GetBytes("first")));
        Assert.False(await Store.TryCreateAsync("config", Encoding.UTF8.GetBytes("second")));
        Assert.Equal("first", Encoding.UTF8.GetString(await Store.ReadAllAsync("config")));
    }

    [Fact]
    public async Task Concurrent_creators_of_one_key_have_exactly_one_winner()
    {
        // Repeated, because a check-then-rename store loses this race only sometimes.
        for (var round = 0; round < 25; round++)
        {
            var key = "index/race" + round;
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Task.Run(async () => (i, won: await Store.TryCreateAsync(key, RandomBytes(5000, i))))));
            var winners = results.Where(r => r.won).ToArray();
            Assert.Single(winners);
            Assert.Equal(RandomBytes(5000, winners[0].i), await Store.ReadAllAsync(key));
        }
    }

    [Fact]
    public async Task Range_reads_return_the_requested_bytes()
    {
        var data = RandomBytes(64 * 1024, 2);
        await Store.TryCreateAsync("data/00/range", data);
        var buffer = new byte[1000];
        await Store.ReadRangeAsync("data/00/range", 12_345, buffer);
        Assert.Equal(data.AsSpan(12_345, 1000).ToArray(), buffer);
        await Store.ReadRangeAsync("data/00/range", data.Length - 10, buffer.AsMemory(0, 10));
        Assert.Equal(data.AsSpan(data.Length - 10).ToArray(), buffer.AsSpan(0, 10).ToArray());
    }

    [Fact]
    public async Task Range_beyond_the_end_is_a_permanent_error()
    {
        await Store.TryCreateAsync("data/00/short", new byte[10]);
        var e = await Assert.ThrowsAnyAsync<BlobStoreException>(async () => await Store.ReadRangeAsync("data/00/short", 5, new byte[10]));
        Assert.IsNotType<TransientBlobStoreException>(e);
    }

    [Fact]
    public async Task Missing_objects_are_reported_as_not_found()
    {
        await Assert.ThrowsAsync<BlobNotFoundException>(async () => await Store.ReadAllAsync("data/ff/missing"));
        await Assert.ThrowsAsync<BlobNotFoundException>(async () => await Store.ReadRangeAsync("data/ff/missing", 0, new byte[1]));
        Assert.Null(await Store.GetSizeAsync("data/ff/missing"));
    }

    [Fact]
    public async Task Delete_removes_and_is_idempotent()
    {
        await Store.TryCreateAsync("recovery-points/x", new byte[] { 1 });
        await Store.DeleteAsync("recovery-points/x");
        await Store.DeleteAsync("recovery-points/x");
        await Store.DeleteAsync("recovery-points/never-existed");
        Assert.Null(await Store.GetSizeAsync("recovery-points/x"));
        Assert.True(await Store.TryCreateAsync("recovery-points/x", new byte[] { 2 }));
    }

    [Fact]
    public async Task Listing_filters_by_prefix_and_reports_sizes()
    {
        await Store.TryCreateAsync("data/aa/aa01", new byte[3]);
        await Store.TryCreateAsync("data/ab/ab01", new byte[4]);
        await Store.TryCreateAsync("index/i1", new byte[5]);
        await Store.TryCreateAsync("config", new byte[6]);

        var data = await ToListAsync(Store.ListAsync("data/"));
        Assert.Equal(["data/aa/aa01", "data/ab/ab01"], data.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.Equal([new BlobInfo("data/aa/aa01", 3)], await ToListAsync(Store.ListAsync("data/aa/")));
        Assert.Equal([new BlobInfo("index/i1", 5)], await ToListAsync(Store.ListAsync("index/")));
        Assert.Equal(4, (await ToListAsync(Store.ListAsync(""))).Count);
        Assert.Empty(await ToListAsync(Store.ListAsync("locks/")));
    }

    [Fact]
    public async Task A_created_object_is_listed_at_once()
    {
        for (var i = 0; i < 20; i++)
        {
            await Store.TryCreateAsync($"locks/l{i}", new byte[1]);
            Assert.Contains(await ToListAsync(Store.ListAsync("locks/")), b => b.Key == $"locks/l{i}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("../escape")]
    [InlineData("data/../../escape")]
    [InlineData("data//x")]
    [InlineData("data/x/")]
    [InlineData("spaces are bad")]
    public async Task Invalid_keys_are_refused(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.TryCreateAsync(key, new byte[1]));

    protected static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    protected static async Task<List<BlobInfo>> ToListAsync(IAsyncEnumerable<BlobInfo> items)
    {
        var list = new List<BlobInfo>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
