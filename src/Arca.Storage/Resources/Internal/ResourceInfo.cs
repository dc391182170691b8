using System.Text.Json;

namespace Arca.Storage.Resources.Internal;

/// <summary>
/// <c>resource.json</c>, stored beside the data file of a staged backup (SQLite, PostgreSQL) so that the
/// recovery point explains itself even when restored with the plain directory restore.
/// </summary>
internal sealed record ResourceInfo
{
    public const string FileName = "resource.json";

    public const int CurrentVersion = 1;

    public required int Version { get; init; }

    /// <summary>The resource type's persisted name.</summary>
    public required string Type { get; init; }

    /// <summary>The data file's name in the tree (database.sqlite, database.dump).</summary>
    public required string File { get; init; }

    /// <summary>The data file's size in bytes.</summary>
    public required long Size { get; init; }

    public string? SourcePath { get; init; }

    public string? SqliteVersion { get; init; }

    public string? JournalMode { get; init; }

    /// <summary>Permission bits of the original database file.</summary>
    public int? Mode { get; init; }

    public uint? Uid { get; init; }

    public uint? Gid { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? Username { get; init; }

    public string? Database { get; init; }

    public string? Encoding { get; init; }

    public string? ServerVersion { get; init; }

    /// <summary>The dump tool's own version line (pg_dump --version).</summary>
    public string? DumpTool { get; init; }

    public void WriteTo(string directory) =>
        System.IO.File.WriteAllBytes(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, ResourceJson.Default.ResourceInfo));

    /// <summary>Reads the info of a restored tree; a missing or malformed file, or another type, is a restore error.</summary>
    public static ResourceInfo ReadFrom(string directory, string expectedType)
    {
        var path = Path.Combine(directory, FileName);
        ResourceInfo? info;
        try
        {
            info = JsonSerializer.Deserialize(System.IO.File.ReadAllBytes(path), ResourceJson.Default.ResourceInfo);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new ResourceRestoreException($"the recovery point's {FileName} is missing or malformed: {e.Message}", e);
        }

        if (info is null || info.Version != CurrentVersion)
        {
            throw new ResourceRestoreException($"the recovery point's {FileName} has an unknown version");
        }

        if (info.Type != expectedType)
        {
            throw new ResourceRestoreException($"the recovery point holds a {info.Type} resource, not {expectedType}");
        }

        if (Path.GetFileName(info.File) != info.File || info.File is "" or "." or ".." or FileName)
        {
            throw new ResourceRestoreException($"the recovery point's {FileName} names an invalid data file");
        }

        return info;
    }
}
