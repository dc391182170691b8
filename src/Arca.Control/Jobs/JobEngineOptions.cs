namespace Arca.Control.Jobs;

/// <summary>Settings of a region's job engine.</summary>
public sealed record JobEngineOptions
{
    /// <summary>Jobs run at the same time (bounded concurrency).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long a claimed job stays leased without a renewal.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running job's lease and progress are written.</summary>
    public TimeSpan RenewEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle workers look for due jobs when nothing woke them.</summary>
    public TimeSpan PollEvery { get; init; } = TimeSpan.FromSeconds(15);
}
