namespace Arca.Storage.Resources;

/// <summary>Settings shared by the resource types. Every setting is optional.</summary>
public sealed record ResourceTypeOptions
{
    /// <summary>
    /// Where SQLite copies and PostgreSQL dumps are staged (each in a private, mode 0700 directory removed
    /// afterwards). Needs room for one copy of the largest database. Default: the system temp directory.
    /// </summary>
    public string? ScratchDirectory { get; init; }

    /// <summary>
    /// The directory holding pg_dump and pg_restore. Default: the newest /usr/lib/postgresql/*/bin that
    /// has them, else the PATH.
    /// </summary>
    public string? PostgreSqlBinDirectory { get; init; }
}
