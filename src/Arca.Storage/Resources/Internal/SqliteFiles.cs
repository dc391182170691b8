using Microsoft.Data.Sqlite;

namespace Arca.Storage.Resources.Internal;

/// <summary>SQLite machinery: probing, the online copy through the backup API, the integrity check.</summary>
internal static class SqliteFiles
{
    /// <summary>The database file's name inside a SQLite recovery point.</summary>
    public const string DataFile = "database.sqlite";

    /// <summary>How long the copy waits for a writer's lock (the busy handler sleeps inside SQLite).</summary>
    private const int BusyTimeoutMs = 60_000;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlitePerm = 3;
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;

    /// <summary>The files SQLite keeps beside a database; a stale one would be applied to a replaced database.</summary>
    public static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];

    /// <summary>Opens the database and reads its schema; throws <see cref="SqliteException"/> when it is not a readable database.</summary>
    public static void Probe(string path)
    {
        using var connection = OpenSource(path);
        Scalar(connection, "SELECT count(*) FROM sqlite_master");
    }

    /// <summary>
    /// Copies <paramref name="source"/> into the new file <paramref name="destination"/> with one
    /// <c>sqlite3_backup_step(-1)</c>: all pages under one read lock, so the copy is one committed state
    /// even while other connections write. Only reads are issued on the source (see <see cref="OpenSource"/>).
    /// </summary>
    /// <returns>The source's journal mode and the SQLite library version.</returns>
    public static (string JournalMode, string Version) Copy(string source, string destination)
    {
        using var from = OpenSource(source);
        Execute(from, "PRAGMA busy_timeout = " + BusyTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var journalMode = Scalar(from, "PRAGMA journal_mode");
        var version = Scalar(from, "SELECT sqlite_version()");
        using (var to = Open(destination, SqliteOpenMode.ReadWriteCreate))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    from.BackupDatabase(to);
                    break;
                }
                catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 3)
                {
                    // The busy handler already waited BusyTimeoutMs; a writer holding its lock that long is rare.
                }
            }
        }

        return (journalMode, version);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; returns null when it says ok, else its first findings.</summary>
    public static string? IntegrityProblems(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadWrite);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(20)";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows is ["ok"] ? null : string.Join("; ", rows);
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Opens a source database for reading. Read-write (never create) when permitted, like any SQLite
    /// client: it can then recover a hot journal left by a crashed writer, and as the last connection it
    /// removes the -wal and -shm files it needed instead of leaving them behind. Only reads are issued, so
    /// the database's content never changes. Falls back to read-only when the file is not writable.
    /// </summary>
    private static SqliteConnection OpenSource(string path)
    {
        try
        {
            return Open(path, SqliteOpenMode.ReadWrite);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteReadOnly or SqliteCantOpen or SqlitePerm)
        {
            return Open(path, SqliteOpenMode.ReadOnly);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
