namespace Arca.Storage.Maintenance;

/// <summary>How a garbage collection runs.</summary>
public sealed record GcOptions
{
    /// <summary>A pack is rewritten when more than this fraction of its bytes is unused; below it the dead bytes stay.</summary>
    public double RepackThreshold { get; init; } = 0.10;
}
