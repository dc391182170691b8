using Arca.Storage.Chunking;

namespace Arca.Storage.Backup;

/// <summary>
/// Reads one file sequentially, cuts it into content-defined chunks and posts them to the
/// pipeline. One instance per reading task; its window buffer is reused across files.
/// </summary>
internal sealed class SourceFileReader
{
    private readonly Chunker _chunker;
    private readonly byte[] _window;

    public SourceFileReader(Chunker chunker)
    {
        _chunker = chunker;
        // Twice the largest chunk: a refill moves at most one chunk's worth of bytes down after at
        // least as many were consumed.
        _window = new byte[2 * chunker.Max];
    }

    /// <summary>Reads the whole file; returns the number of bytes read.</summary>
    public async Task<long> ReadAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, ChunkPipeline pipeline, FileChunks chunks, BackupProgress progress, CancellationToken cancellationToken)
    {
        long fileOffset = 0;
        int start = 0, end = 0;
        var eof = false;
        while (true)
        {
            if (!eof && end - start < _chunker.Max)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(_window, start, _window, 0, end - start);
                    end -= start;
                    start = 0;
                }

                while (end < _window.Length)
                {
                    var n = RandomAccess.Read(handle, _window.AsSpan(end), fileOffset);
                    if (n == 0)
                    {
                        eof = true;
                        break;
                    }

                    end += n;
                    fileOffset += n;
                    progress.AddBytes(n);
                }
            }

            if (end == start)
            {
                return fileOffset;
            }

            var cut = _chunker.Cut(_window.AsSpan(start, end - start));
            var buffer = pipeline.Buffers.Rent(cut);
            Buffer.BlockCopy(_window, start, buffer, 0, cut);
            start += cut;
            await pipeline.PostAsync(new ChunkWork(buffer, cut, chunks, chunks.Reserve()), cancellationToken).ConfigureAwait(false);
        }
    }
}
