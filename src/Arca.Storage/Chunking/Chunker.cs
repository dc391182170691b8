using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Arca.Storage.Chunking;

/// <summary>
/// FastCDC with normalized chunking (level 2) and a keyed gear table (vault-format.md §5).
/// Stateless after construction and thread-safe.
/// </summary>
public sealed class Chunker
{
    private readonly ulong[] _gear;
    private readonly int _min;
    private readonly int _avg;
    private readonly ulong _maskSmall;
    private readonly ulong _maskLarge;

    public Chunker(ChunkerParameters parameters, ulong[] gearTable)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (gearTable.Length != 256)
        {
            throw new ArgumentException("the gear table has 256 entries", nameof(gearTable));
        }

        _gear = gearTable;
        _min = parameters.Min;
        _avg = parameters.Avg;
        Max = parameters.Max;
        var bits = BitOperations.Log2((uint)parameters.Avg);
        _maskSmall = Mask(bits + 2);
        _maskLarge = Mask(bits - 2);
    }

    /// <summary>The largest chunk this chunker cuts.</summary>
    public int Max { get; }

    /// <summary>
    /// Length of the chunk at the start of <paramref name="data"/>. The caller passes at least
    /// <see cref="Max"/> bytes unless <paramref name="data"/> ends the stream; the final chunk of a
    /// stream may be shorter than the minimum.
    /// </summary>
    public int Cut(ReadOnlySpan<byte> data)
    {
        var n = data.Length;
        if (n <= _min)
        {
            return n;
        }

        var limit = Math.Min(n, Max);
        var normal = Math.Min(_avg, limit);
        ref var gear = ref MemoryMarshal.GetArrayDataReference(_gear);
        ref var bytes = ref MemoryMarshal.GetReference(data);
        ulong h = 0;
        var i = _min;
        for (; i < normal; i++)
        {
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref bytes, i));
            if ((h & _maskSmall) == 0)
            {
                return i + 1;
            }
        }

        for (; i < limit; i++)
        {
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref bytes, i));
            if ((h & _maskLarge) == 0)
            {
                return i + 1;
            }
        }

        return limit;
    }

    /// <summary>A mask of <paramref name="bits"/> bits: every other bit from bit 63 downward.</summary>
    internal static ulong Mask(int bits)
    {
        ulong mask = 0;
        for (var k = 0; k < bits; k++)
        {
            mask |= 1UL << (63 - (2 * k));
        }

        return mask;
    }
}
