using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Blobs;

public sealed class LocalBlobStoreTests : BlobStoreConformance
{
    private readonly TempDirectory _dir = new();

    protected override IBlobStore CreateStore() => new LocalBlobStore(_dir.Path);

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task Temporary_files_are_neither_listed_nor_left_behind()
    {
        await Store.TryCreateAsync("data/aa/x", new byte[10]);
        await Store.TryCreateAsync("data/aa/x", new byte[10]);
        Assert.Single(await ToListAsync(Store.ListAsync("")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, ".tmp")));
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData((3 << 20) + 123)]
    public async Task Large_page_aligned_objects_are_written_with_direct_io_and_read_back_exactly(int length)
    {
        using var buffer = new Repository.NativeBuffer(length + 4096);
        new Random(length).NextBytes(buffer.GetSpan());
        var data = buffer.Memory[..length];
        Assert.True(await Store.TryCreateAsync("data/aa/direct", data));
        Assert.Equal(data.ToArray(), await Store.ReadAllAsync("data/aa/direct"));
    }

    [Fact]
    public async Task Temporary_files_of_a_dead_writer_on_this_host_are_removed_by_the_next_writer()
    {
        using var exited = System.Diagnostics.Process.Start("/bin/true")!;
        await exited.WaitForExitAsync();
        var temp = Path.Combine(_dir.Path, ".tmp");
        Directory.CreateDirectory(temp);
        var dead = Path.Combine(temp, $"{Environment.MachineName}.{exited.Id}.0123456789abcdef");
        var live = Path.Combine(temp, $"{Environment.MachineName}.1.0123456789abcdef");
        var elsewhere = Path.Combine(temp, $"other-host.{exited.Id}.0123456789abcdef");
        foreach (var file in new[] { dead, live, elsewhere })
        {
            File.WriteAllBytes(file, new byte[100]);
        }

        await Store.TryCreateAsync("data/aa/x", new byte[10]);

        Assert.Equal(new[] { elsewhere, live }.Order(StringComparer.Ordinal), Directory.GetFiles(temp).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_root_is_a_clear_error()
    {
        var e = Assert.Throws<BlobStoreException>(() => new LocalBlobStore(Path.Combine(_dir.Path, "nope")));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }
}
