namespace Arca.Storage.Copy;

/// <summary>How one copy runs.</summary>
public sealed record CopyOptions
{
    /// <summary>Tags set on the copy, replacing source tags with the same key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Which of the source manifest's tags the copy keeps (before <see cref="Tags"/> are applied); null keeps all.</summary>
    public Func<string, bool>? KeepSourceTag { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public CopyProgress Progress { get; init; } = new();
}
