namespace Arca.Storage.Format;

/// <summary>A recovery point's manifest (vault-format.md §7).</summary>
public sealed record Manifest
{
    public required int Version { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Source { get; init; }

    public required string Hostname { get; init; }

    /// <summary>Tree blob listing the source directory's entries.</summary>
    public required BlobId Tree { get; init; }

    /// <summary>The source directory's own metadata (name is ".").</summary>
    public required TreeNode Root { get; init; }

    public string? Parent { get; init; }

    public bool Partial { get; init; }

    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public required BackupSummary Summary { get; init; }
}
