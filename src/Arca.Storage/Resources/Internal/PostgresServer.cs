using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Arca.Storage.Resources.Internal;

/// <summary>The few SQL operations the PostgreSQL type runs itself: probing, and creating, dropping and renaming databases.</summary>
internal static partial class PostgresServer
{
    /// <summary>Opens a connection to <paramref name="database"/>.</summary>
    /// <exception cref="ResourceValidationException">It cannot connect; the message says why (field ConnectionString).</exception>
    public static async Task<NpgsqlConnection> OpenAsync(PostgresConnectionInfo info, string database, string field, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(info.ForNpgsql(database));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ResourceValidationException(field, $"cannot connect to {info.Describe(database)}: {Describe(e, info)}", null);
        }
    }

    /// <summary>The server's version string and the database's encoding.</summary>
    public static async Task<(string ServerVersion, string Encoding)> FactsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()", connection);
        await using (command.ConfigureAwait(false))
        {
            var encoding = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? "UTF8";
            return (connection.ServerVersion, encoding);
        }
    }

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = database });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
    }

    /// <summary>Creates an empty database from template0 with the given encoding.</summary>
    public static Task CreateAsync(NpgsqlConnection connection, string database, string encoding, CancellationToken cancellationToken)
    {
        if (!EncodingName().IsMatch(encoding))
        {
            throw new ResourceRestoreException($"the recovery point names an invalid encoding \"{encoding}\"");
        }

        return ExecuteAsync(connection, $"CREATE DATABASE {Quote(database)} TEMPLATE template0 ENCODING '{encoding}'", cancellationToken);
    }

    /// <summary>Drops a database, disconnecting its sessions first where the server can (PostgreSQL 13+).</summary>
    public static Task DropAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Quote(database)}" + (connection.PostgreSqlVersion.Major >= 13 ? " WITH (FORCE)" : string.Empty), cancellationToken);

    public static Task RenameAsync(NpgsqlConnection connection, string from, string to, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"ALTER DATABASE {Quote(from)} RENAME TO {Quote(to)}", cancellationToken);

    /// <summary>A server or connection error as one line, without the password.</summary>
    public static string Describe(Exception e, PostgresConnectionInfo info)
    {
        var text = e switch
        {
            PostgresException pe => $"{pe.MessageText} (SQLSTATE {pe.SqlState})",
            _ when e.InnerException is { } inner && inner.Message != e.Message => $"{e.Message}: {inner.Message}",
            _ => e.Message,
        };
        return info.Scrub(text);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex EncodingName();
}
