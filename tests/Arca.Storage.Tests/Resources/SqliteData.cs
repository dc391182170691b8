using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Arca.Storage.Tests.Resources;

/// <summary>Builds SQLite databases for tests and describes their whole content for comparison.</summary>
public static class SqliteData
{
    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>
    /// A database with two related tables, an index, a view, a trigger and a user_version, about 1.5 MB.
    /// The connection stays open (the caller disposes it), so in WAL mode the last commits live only in the
    /// -wal file and a copy must read them from there.
    /// </summary>
    public static SqliteConnection Create(string path, int seed, string journalMode = "wal")
    {
        var connection = Open(path);
        Execute(connection, $"PRAGMA journal_mode = {journalMode}");
        Execute(connection, "PRAGMA wal_autocheckpoint = 0");
        Execute(connection, """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, data BLOB, note TEXT);
            CREATE TABLE tags (item_id INTEGER NOT NULL REFERENCES items(id), tag TEXT NOT NULL);
            CREATE INDEX tags_by_tag ON tags(tag);
            CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10;
            CREATE TABLE audit (item_id INTEGER, at TEXT);
            CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN INSERT INTO audit VALUES (new.id, 'insert'); END;
            """);
        Execute(connection, $"PRAGMA user_version = {seed}");
        var rng = new Random(seed);
        for (var batch = 0; batch < 4; batch++)
        {
            using var tx = connection.BeginTransaction();
            for (var i = 0; i < 300; i++)
            {
                var id = (batch * 300) + i + 1;
                var data = new byte[rng.Next(0, 2000)];
                rng.NextBytes(data);
                Execute(connection, "INSERT INTO items VALUES ($id, $name, $price, $data, $note)",
                    ("$id", id), ("$name", $"item {seed}-{id}"), ("$price", rng.NextDouble() * 20), ("$data", data), ("$note", id % 7 == 0 ? null : "n" + id));
                Execute(connection, "INSERT INTO tags VALUES ($id, $tag)", ("$id", id), ("$tag", "t" + (id % 13)));
            }

            tx.Commit();
        }

        return connection;
    }

    /// <summary>Integrity, journal mode, user_version, schema, and every row of every table.</summary>
    public static string Describe(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var text = new StringBuilder();
        text.Append("integrity: ").AppendLine(Convert.ToString(Scalar(connection, "PRAGMA integrity_check"), CultureInfo.InvariantCulture));
        text.Append("journal: ").AppendLine(Convert.ToString(Scalar(connection, "PRAGMA journal_mode"), CultureInfo.InvariantCulture));
        text.Append("user_version: ").AppendLine(Convert.ToString(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture));
        var tables = new List<string>();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
            using var reader = schema.ExecuteReader();
            while (reader.Read())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetString(1)}: {(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }
        }

        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                text.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(' ').Append(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
                    {
                        byte[] blob => "x" + Convert.ToHexString(SHA256.HashData(blob))[..16],
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                    });
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
