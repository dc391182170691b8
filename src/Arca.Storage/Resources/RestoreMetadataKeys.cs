namespace Arca.Storage.Resources;

/// <summary>
/// The keys of the restore metadata map (AWS's GetRecoveryPointRestoreMetadata / StartRestoreJob
/// <c>Metadata</c>). Which keys a type accepts is documented on each type and in
/// docs/design/resources.md §4; a key a type does not know is refused.
/// </summary>
public static class RestoreMetadataKeys
{
    /// <summary>Directory, SQLite: the absolute path to restore to (a directory, or the database file).</summary>
    public const string TargetPath = "TargetPath";

    /// <summary>Every type: "true" replaces an existing, non-empty target; "false" (the default) refuses it.</summary>
    public const string Overwrite = "Overwrite";

    /// <summary>PostgreSQL: a connection string (Npgsql syntax) of the server to restore into.</summary>
    public const string ConnectionString = "ConnectionString";

    /// <summary>PostgreSQL: the name of the database the restore creates.</summary>
    public const string DatabaseName = "DatabaseName";
}
