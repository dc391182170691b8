using System.Globalization;
using Arca.Control.Metadata.Internal;
using Microsoft.Data.Sqlite;

namespace Arca.Control.Metadata;

/// <summary>
/// The embedded <see cref="IMetadataStore"/>: one SQLite file, one table <c>documents(collection, key,
/// json, version, i1, i2, i3)</c> with an index per index field (docs/design/server.md §3).
/// </summary>
/// <remarks>
/// <para>WAL journal, <c>synchronous=FULL</c> (a committed transaction survives a crash or power cut),
/// a busy timeout for other processes holding the file. Every transaction is <c>BEGIN IMMEDIATE</c>:
/// it takes the write lock at once, so transactions are serializable and never fail half-way with
/// SQLITE_BUSY. Inside the process transactions run one at a time on one connection.</para>
/// <para>Keys and index fields compare with SQLite's <c>BINARY</c> collation: code-point order.</para>
/// <para>Thread-safe. Dispose only once no transaction is running.</para>
/// </remarks>
public sealed class SqliteMetadataStore : IMetadataStore
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteMetadataStore(SqliteConnection connection) => _connection = connection;

    /// <summary>The database file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating it when missing) the store in the file <paramref name="path"/>.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not an SQLite database.</exception>
    public static async Task<SqliteMetadataStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS documents (
                    collection TEXT NOT NULL,
                    key        TEXT NOT NULL,
                    json       TEXT NOT NULL,
                    version    INTEGER NOT NULL,
                    i1         TEXT,
                    i2         TEXT,
                    i3         TEXT,
                    PRIMARY KEY (collection, key)
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS documents_i1 ON documents (collection, i1, key);
                CREATE INDEX IF NOT EXISTS documents_i2 ON documents (collection, i2, key);
                CREATE INDEX IF NOT EXISTS documents_i3 ON documents (collection, i3, key);
                """), cancellationToken).ConfigureAwait(false);
            return new SqliteMetadataStore(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<T> TransactAsync<T>(Func<IMetadataTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await ExecuteAsync(_connection, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
            var tx = new SqliteMetadataTransaction(_connection);
            T result;
            try
            {
                result = await work(tx).ConfigureAwait(false);
                tx.Close();
            }
            catch
            {
                tx.Close();
                await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            try
            {
                await ExecuteAsync(_connection, "COMMIT", CancellationToken.None).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // A failed COMMIT (disk full, I/O error) may leave the transaction open; end it.
                if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
                {
                    await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
