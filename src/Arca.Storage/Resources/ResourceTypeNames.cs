namespace Arca.Storage.Resources;

/// <summary>
/// The persisted names of the resource types. They are stored in resource definitions, recovery point
/// tags and the control plane's inventory, so a name is never changed and a retired name is never reused.
/// </summary>
public static class ResourceTypeNames
{
    /// <summary>A directory tree on a local filesystem.</summary>
    public const string Directory = "Directory";

    /// <summary>A SQLite database file, copied online with SQLite's backup API.</summary>
    public const string Sqlite = "SQLite";

    /// <summary>A PostgreSQL database, dumped with pg_dump.</summary>
    public const string PostgreSql = "PostgreSQL";
}
