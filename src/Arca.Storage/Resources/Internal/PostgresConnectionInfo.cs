using Npgsql;

namespace Arca.Storage.Resources.Internal;

/// <summary>
/// The parts of an Npgsql connection string that Arca uses, for Npgsql connections and for the libpq
/// tools (through environment variables only: a password never goes on a command line). Holds the
/// password; never print it.
/// </summary>
internal sealed class PostgresConnectionInfo
{
    /// <summary>Variables the tools must not inherit from Arca's own environment; they are set from the connection string.</summary>
    private static readonly string[] Owned =
    [
        "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSERVICE", "PGOPTIONS",
        "PGSSLMODE", "PGCONNECT_TIMEOUT", "PGAPPNAME", "PGTARGETSESSIONATTRS",
    ];

    private PostgresConnectionInfo(string host, int port, string? username, string? password, string? database, SslMode sslMode, int timeout)
    {
        Host = host;
        Port = port;
        Username = username;
        Password = password;
        Database = database;
        SslMode = sslMode;
        Timeout = timeout;
    }

    public string Host { get; }

    public int Port { get; }

    public string? Username { get; }

    public string? Password { get; }

    public string? Database { get; }

    public SslMode SslMode { get; }

    public int Timeout { get; }

    /// <summary>Parses <paramref name="value"/>; errors name <paramref name="field"/> and never quote the string.</summary>
    public static PostgresConnectionInfo Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ResourceValidationException(field, "is required", null);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            // The parser's messages name a keyword or a position, never a value.
            throw new ResourceValidationException(field, "cannot be parsed: " + e.Message, null);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ResourceValidationException(field, "names no Host", null);
        }

        return new PostgresConnectionInfo(builder.Host, builder.Port, Blank(builder.Username), Blank(builder.Password), Blank(builder.Database), builder.SslMode, builder.Timeout);
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/>, without pooling (connections really close).</summary>
    public string ForNpgsql(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
        SslMode = SslMode,
        Timeout = Timeout,
        Pooling = false,
        ApplicationName = "arca",
    }.ConnectionString;

    /// <summary>A connection string without the password, for restore metadata.</summary>
    public static string WithoutPassword(string host, int port, string? username, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = port,
        Username = username,
        Database = database,
    }.ConnectionString;

    /// <summary>Sets the libpq environment for <paramref name="database"/> on a tool's environment.</summary>
    public void ApplyTo(IDictionary<string, string?> environment, string database)
    {
        foreach (var name in Owned)
        {
            environment.Remove(name);
        }

        environment["PGHOST"] = Host;
        environment["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PGDATABASE"] = database;
        environment["PGSSLMODE"] = SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        environment["PGCONNECT_TIMEOUT"] = Math.Max(Timeout, 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PGAPPNAME"] = "arca";
        if (Username is not null)
        {
            environment["PGUSER"] = Username;
        }

        if (Password is not null)
        {
            environment["PGPASSWORD"] = Password;
        }
    }

    /// <summary>"host:port/database as user", for messages.</summary>
    public string Describe(string database) =>
        $"{Host}:{Port}/{database}" + (Username is null ? string.Empty : $" as {Username}");

    /// <summary>Removes the password from a message that came from a server or a tool.</summary>
    public string Scrub(string message) =>
        string.IsNullOrEmpty(Password) ? message : message.Replace(Password, "***", StringComparison.Ordinal);

    public override string ToString() => Describe(Database ?? "?");

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
