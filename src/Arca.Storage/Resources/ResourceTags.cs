namespace Arca.Storage.Resources;

/// <summary>
/// The recovery point tags a resource type records at backup time (docs/design/resources.md §3). Every
/// key starts with <see cref="Prefix"/>; a caller's own tags must not use these keys.
/// </summary>
public static class ResourceTags
{
    /// <summary>The prefix every tag written by a resource type starts with.</summary>
    public const string Prefix = "arca:";

    /// <summary>The resource type's persisted name (<see cref="ResourceTypeNames"/>).</summary>
    public const string ResourceType = "arca:resource-type";

    /// <summary>Directory and SQLite: the absolute path that was backed up.</summary>
    public const string SourcePath = "arca:source-path";

    /// <summary>SQLite: the version of the SQLite library that took the copy.</summary>
    public const string SqliteVersion = "arca:sqlite-version";

    /// <summary>PostgreSQL: the database that was dumped.</summary>
    public const string Database = "arca:database";

    /// <summary>PostgreSQL: the server's version string (<c>SHOW server_version</c>).</summary>
    public const string ServerVersion = "arca:server-version";

    /// <summary>PostgreSQL: the host the dump was taken from.</summary>
    public const string Host = "arca:host";

    /// <summary>PostgreSQL: the port the dump was taken from.</summary>
    public const string Port = "arca:port";

    /// <summary>PostgreSQL: the user the dump was taken as.</summary>
    public const string Username = "arca:username";
}
