namespace Arca.Storage.Restore;

/// <summary>How one restore runs.</summary>
public sealed record RestoreOptions
{
    /// <summary>Allow a non-empty target: existing entries in the way are replaced (never followed).</summary>
    public bool Overwrite { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Set owners (uid, gid). Only effective when running as root; otherwise owners are left to the restoring user.</summary>
    public bool RestoreOwners { get; init; } = true;

    public RestoreProgress Progress { get; init; } = new();
}
