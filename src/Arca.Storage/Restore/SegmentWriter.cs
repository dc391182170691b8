using Arca.Storage.Repository;
using Microsoft.Win32.SafeHandles;

namespace Arca.Storage.Restore;

/// <summary>
/// Writes a run of a file's bytes: whole aligned blocks with direct I/O (no copy into the page
/// cache, which costs more CPU than decrypting and decompressing them), the partial blocks at the
/// run's edges through the page cache, and all-zero blocks not at all (they stay holes, so sparse
/// files restore sparse). One instance per worker.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private const int Block = 4096;
    private const int HoleGranule = 64 * 1024;
    private readonly NativeBuffer _stage = new(1 << 20);
    private SafeFileHandle _buffered = null!;
    private SafeFileHandle? _direct;
    private long _position;
    private long _alignedStart;
    private long _alignedEnd;
    private long _stageOffset;
    private int _staged;

    /// <summary>Starts a run of bytes [<paramref name="start"/>, <paramref name="end"/>) of a file.</summary>
    public void Begin(SafeFileHandle buffered, SafeFileHandle? direct, long start, long end)
    {
        _buffered = buffered;
        _direct = direct;
        _position = start;
        _alignedStart = (start + Block - 1) & ~(long)(Block - 1);
        _alignedEnd = end & ~(long)(Block - 1);
        if (direct is null || _alignedStart >= _alignedEnd)
        {
            _alignedStart = _alignedEnd = long.MaxValue;
        }

        _stageOffset = _alignedStart;
        _staged = 0;
    }

    /// <summary>Appends the next bytes of the run.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int n;
            if (_position < _alignedStart || _position >= _alignedEnd)
            {
                var limit = _position < _alignedStart ? _alignedStart - _position : long.MaxValue;
                n = (int)Math.Min(data.Length, limit);
                WriteBuffered(data[..n], _position);
            }
            else
            {
                var stage = _stage.GetSpan();
                n = (int)Math.Min(Math.Min(data.Length, stage.Length - _staged), _alignedEnd - _position);
                data[..n].CopyTo(stage[_staged..]);
                _staged += n;
                if (_staged == stage.Length || _position + n == _alignedEnd)
                {
                    FlushStage();
                }
            }

            data = data[n..];
            _position += n;
        }
    }

    public void Dispose() => ((IDisposable)_stage).Dispose();

    private void WriteBuffered(ReadOnlySpan<byte> data, long offset)
    {
        if (data.ContainsAnyExcept((byte)0))
        {
            RandomAccess.Write(_buffered, data, offset);
        }
    }

    private void FlushStage()
    {
        var stage = _stage.Memory[.._staged];
        var runStart = -1;
        for (var at = 0; ; at += HoleGranule)
        {
            var end = at >= _staged;
            var zero = end || !stage.Span.Slice(at, Math.Min(HoleGranule, _staged - at)).ContainsAnyExcept((byte)0);
            if (!zero && runStart < 0)
            {
                runStart = at;
            }
            else if (zero && runStart >= 0)
            {
                RandomAccess.Write(_direct!, stage.Span[runStart..Math.Min(at, _staged)], _stageOffset + runStart);
                runStart = -1;
            }

            if (end)
            {
                break;
            }
        }

        _stageOffset += _staged;
        _staged = 0;
    }
}
