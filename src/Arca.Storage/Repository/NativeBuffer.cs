using System.Buffers;
using System.Runtime.InteropServices;

namespace Arca.Storage.Repository;

/// <summary>
/// A page-aligned buffer outside the GC heap, so a pack can be written with direct I/O and large
/// buffers do not churn the large-object heap. Dispose frees it; it must no longer be in use.
/// </summary>
internal sealed unsafe class NativeBuffer : MemoryManager<byte>
{
    public const int Alignment = 4096;
    private byte* _pointer;

    public NativeBuffer(int length)
    {
        Length = length;
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, Alignment);
    }

    public int Length { get; }

    public override Span<byte> GetSpan() => new(_pointer, Length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_pointer is not null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
        }
    }
}
