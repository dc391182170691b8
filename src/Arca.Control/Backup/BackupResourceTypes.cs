using Arca.Storage.Resources;

namespace Arca.Control.Backup;

/// <summary>
/// The resource types the Backup service protects: the data plane's <see cref="ResourceTypeRegistry"/>, held by a
/// control-plane type so the edge can register it without referencing the data plane (tests/Arca.Tests/ArchitectureTests).
/// </summary>
/// <param name="Registry">The registry (Directory, SQLite, PostgreSQL by default).</param>
public sealed record BackupResourceTypes(ResourceTypeRegistry Registry)
{
    /// <summary>The built-in types with default options.</summary>
    public static BackupResourceTypes CreateDefault() => new(ResourceTypeRegistry.CreateDefault());
}
