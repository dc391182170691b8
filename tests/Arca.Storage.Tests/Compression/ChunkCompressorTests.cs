using Arca.Storage.Compression;

namespace Arca.Storage.Tests.Compression;

public sealed class ChunkCompressorTests
{
    private static readonly byte[] RandomHeadThenText = [.. TreeBuilder.Random(64 * 1024, 1), .. TreeBuilder.Text(448 * 1024, 2)];

    [Fact]
    public void The_probe_keeps_a_chunk_raw_when_its_head_does_not_compress()
    {
        using var compressor = new ChunkCompressor(2);
        var destination = new byte[ChunkCompressor.Bound(RandomHeadThenText.Length)];
        Assert.Equal(-1, compressor.TryCompress(RandomHeadThenText, destination));
    }

    [Fact]
    public void Without_the_probe_the_whole_chunk_is_compressed_and_comes_back()
    {
        using var compressor = new ChunkCompressor(2);
        var destination = new byte[ChunkCompressor.Bound(RandomHeadThenText.Length)];
        var length = compressor.TryCompress(RandomHeadThenText, destination, probe: false);

        Assert.InRange(length, 1, RandomHeadThenText.Length / 2);
        var back = new byte[RandomHeadThenText.Length];
        Assert.True(compressor.TryDecompress(destination.AsSpan(0, length), back));
        Assert.Equal(RandomHeadThenText, back);
    }

    [Fact]
    public void Incompressible_data_stays_raw_with_or_without_the_probe()
    {
        using var compressor = new ChunkCompressor(2);
        var data = TreeBuilder.Random(256 * 1024, 3);
        var destination = new byte[ChunkCompressor.Bound(data.Length)];
        Assert.Equal(-1, compressor.TryCompress(data, destination));
        Assert.Equal(-1, compressor.TryCompress(data, destination, probe: false));
    }
}
