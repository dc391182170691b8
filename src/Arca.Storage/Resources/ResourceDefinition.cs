using System.Text;

namespace Arca.Storage.Resources;

/// <summary>
/// A resource as the control plane registers it: its type and where it lives. Directory and SQLite use
/// <see cref="Path"/>; PostgreSQL uses <see cref="ConnectionString"/>. <see cref="ToString"/> never
/// prints the connection string, which may hold a password.
/// </summary>
public sealed record ResourceDefinition
{
    /// <summary>The persisted type name (<see cref="ResourceTypeNames"/>).</summary>
    public required string Type { get; init; }

    /// <summary>Directory: the directory; SQLite: the database file. An absolute path.</summary>
    public string? Path { get; init; }

    /// <summary>PostgreSQL: an Npgsql connection string naming Host, Database and the credentials.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A Directory resource at <paramref name="path"/>.</summary>
    public static ResourceDefinition ForDirectory(string path) => new() { Type = ResourceTypeNames.Directory, Path = path };

    /// <summary>A SQLite resource for the database file at <paramref name="path"/>.</summary>
    public static ResourceDefinition ForSqlite(string path) => new() { Type = ResourceTypeNames.Sqlite, Path = path };

    /// <summary>A PostgreSQL resource for the database the connection string names.</summary>
    public static ResourceDefinition ForPostgreSql(string connectionString) =>
        new() { Type = ResourceTypeNames.PostgreSql, ConnectionString = connectionString };

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Type = ").Append(Type);
        if (Path is not null)
        {
            builder.Append(", Path = ").Append(Path);
        }

        if (ConnectionString is not null)
        {
            builder.Append(", ConnectionString = (not shown)");
        }

        return true;
    }
}
