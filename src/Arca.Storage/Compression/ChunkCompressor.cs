using ZstdSharp;

namespace Arca.Storage.Compression;

/// <summary>
/// zstd with a cheap probe (vault-format.md §5): chunks over 64 KiB are probed on their first 64 KiB;
/// a chunk is kept compressed only when that saves at least 3 %. One instance per thread.
/// </summary>
public sealed class ChunkCompressor : IDisposable
{
    private const int ProbeSize = 64 * 1024;
    private readonly Compressor _compressor;
    private readonly Decompressor _decompressor = new();
    private byte[] _probe = [];

    public ChunkCompressor(int level) => _compressor = new Compressor(level);

    /// <summary>Largest output <see cref="TryCompress"/> can produce for <paramref name="length"/> bytes.</summary>
    public static int Bound(int length) => Compressor.GetCompressBound(length);

    /// <summary>
    /// Compresses <paramref name="source"/> into <paramref name="destination"/> (at least
    /// <see cref="Bound"/> bytes) and returns the compressed length, or -1 when the data does not
    /// compress well enough and should be stored raw.
    /// </summary>
    public int TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, bool probe = true)
    {
        if (probe && source.Length > ProbeSize)
        {
            if (_probe.Length == 0)
            {
                _probe = new byte[Bound(ProbeSize)];
            }

            var probed = _compressor.Wrap(source[..ProbeSize], _probe);
            if (!SavesEnough(ProbeSize, probed))
            {
                return -1;
            }
        }

        var written = _compressor.Wrap(source, destination);
        return SavesEnough(source.Length, written) ? written : -1;
    }

    /// <summary>
    /// Decompresses exactly <paramref name="destination"/>.Length bytes. Returns false when the input
    /// is not a valid zstd frame of that length.
    /// </summary>
    public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return _decompressor.Unwrap(source, destination) == destination.Length;
        }
        catch (ZstdException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _compressor.Dispose();
        _decompressor.Dispose();
    }

    private static bool SavesEnough(int raw, int compressed) => compressed > 0 && compressed <= raw - (raw * 3 / 100) - 1;
}
