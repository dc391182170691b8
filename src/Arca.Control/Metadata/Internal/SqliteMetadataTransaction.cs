using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Arca.Control.Metadata.Internal;

/// <summary>The operations of one <see cref="SqliteMetadataStore"/> transaction; valid until the delegate returns.</summary>
internal sealed class SqliteMetadataTransaction(SqliteConnection connection) : IMetadataTransaction
{
    private const string Columns = "key, json, version, i1, i2, i3";
    private bool _closed;

    public async Task<StoredDocument?> GetAsync(string collection, string key)
    {
        using SqliteCommand command = Command(collection, key, $"SELECT {Columns} FROM documents WHERE collection = $c AND key = $k");
        using SqliteDataReader reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<bool> InsertAsync(string collection, string key, string json, IndexFields index)
    {
        ArgumentNullException.ThrowIfNull(json);
        using SqliteCommand command = Command(collection, key,
            "INSERT INTO documents (collection, key, json, version, i1, i2, i3) VALUES ($c, $k, $j, 1, $i1, $i2, $i3) "
            + "ON CONFLICT (collection, key) DO NOTHING");
        AddDocument(command, json, index);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public async Task<long> PutAsync(string collection, string key, string json, IndexFields index, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        long current;
        using (SqliteCommand read = Command(collection, key, "SELECT version FROM documents WHERE collection = $c AND key = $k"))
        {
            current = await read.ExecuteScalarAsync().ConfigureAwait(false) is long v ? v : 0;
        }

        if (expectedVersion is { } expected && expected != current)
        {
            throw new MetadataConflictException($"{collection}/{key} is at version {current}, not the expected {expected}");
        }

        using SqliteCommand write = Command(collection, key,
            "INSERT INTO documents (collection, key, json, version, i1, i2, i3) VALUES ($c, $k, $j, $v, $i1, $i2, $i3) "
            + "ON CONFLICT (collection, key) DO UPDATE SET json = $j, version = $v, i1 = $i1, i2 = $i2, i3 = $i3");
        AddDocument(write, json, index);
        write.Parameters.AddWithValue("$v", current + 1);
        await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        return current + 1;
    }

    public async Task<bool> DeleteAsync(string collection, string key)
    {
        using SqliteCommand command = Command(collection, key, "DELETE FROM documents WHERE collection = $c AND key = $k");
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, DocumentQuery query)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        DocumentFilter.Validate(collection, query);
        if (query.Limit == 0)
        {
            return [];
        }

        using SqliteCommand command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM documents WHERE collection = $c");
        command.Parameters.AddWithValue("$c", collection);
        void Where(string condition, string name, string? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(condition);
                command.Parameters.AddWithValue(name, value);
            }
        }

        Where("key >= $p AND substr(key, 1, length($p)) = $p", "$p", query.KeyPrefix);
        Where("key > $after", "$after", query.AfterKey);
        Where("i1 = $i1", "$i1", query.I1);
        Where("i2 = $i2", "$i2", query.I2);
        Where("i3 = $i3", "$i3", query.I3);
        Where("i3 >= $from", "$from", query.I3From);
        Where("i3 < $to", "$to", query.I3To);
        sql.Append(" ORDER BY key");
        if (query.Limit != int.MaxValue)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {query.Limit}");
        }

        command.CommandText = sql.ToString();
        var found = new List<StoredDocument>();
        using SqliteDataReader reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    public void Close() => _closed = true;

    private SqliteCommand Command(string collection, string key, string sql)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$k", key);
        return command;
    }

    private static void AddDocument(SqliteCommand command, string json, IndexFields index)
    {
        command.Parameters.AddWithValue("$j", json);
        command.Parameters.AddWithValue("$i1", (object?)index.I1 ?? DBNull.Value);
        command.Parameters.AddWithValue("$i2", (object?)index.I2 ?? DBNull.Value);
        command.Parameters.AddWithValue("$i3", (object?)index.I3 ?? DBNull.Value);
    }

    private static StoredDocument Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        new IndexFields(
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5)));
}
