namespace Arca.Domain.Scheduling;

/// <summary>
/// A set of integers within <c>[Min, Max]</c>, backed by a bitset. Used for the minutes, hours,
/// day-of-month, month, day-of-week and year fields of a cron expression. Not thread-safe while
/// being built; read-only (and so safe to share) once the parser hands it to a
/// <see cref="CronExpression"/>.
/// </summary>
internal sealed class CronValueSet
{
    private readonly ulong[] _words;

    public CronValueSet(int min, int max)
    {
        Min = min;
        Max = max;
        _words = new ulong[((max - min) / 64) + 1];
    }

    public int Min { get; }

    public int Max { get; }

    /// <summary>How many distinct values the set holds.</summary>
    public int Count { get; private set; }

    public void Add(int value)
    {
        int bit = value - Min;
        ulong mask = 1UL << (bit % 64);
        if ((_words[bit / 64] & mask) == 0)
        {
            _words[bit / 64] |= mask;
            Count++;
        }
    }

    public void AddRange(int from, int to, int step)
    {
        for (int v = from; v <= to; v += step)
        {
            Add(v);
        }
    }

    public bool Contains(int value)
    {
        if (value < Min || value > Max)
        {
            return false;
        }

        int bit = value - Min;
        return (_words[bit / 64] & (1UL << (bit % 64))) != 0;
    }

    /// <summary>The smallest member that is at least <paramref name="value"/>, or -1 when none.</summary>
    public int NextAtOrAfter(int value)
    {
        for (int v = Math.Max(value, Min); v <= Max; v++)
        {
            if (Contains(v))
            {
                return v;
            }
        }

        return -1;
    }
}
