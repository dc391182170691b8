using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Arca.Storage.Tests.Resources;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 (random free port, fsync off, password authentication over
/// TCP), shared by one test class and stopped afterwards. Run as root, initdb and pg_ctl run as the
/// postgres user (runuser), as shared/reference/test-clients.md §4 shows. Waits with pg_ctl -w, never sleeps.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string DebianRoot = "/usr/lib/postgresql";
    private string? _dir;

    /// <summary>The newest /usr/lib/postgresql/*/bin with initdb, or null.</summary>
    public static string? BinDirectory { get; } = FindBin();

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => BinDirectory is null
        ? $"PostgreSQL server binaries are not installed (no {DebianRoot}/*/bin/initdb); apt-get install postgresql"
        : null;

    /// <summary>The superuser's password (random per cluster, so tests can check it never leaks).</summary>
    public string Password { get; } = "pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public int Port { get; private set; }

    /// <summary>
    /// A connection string to the cluster. Connecting may wait up to 60 s (Npgsql's default is 15): on this two-core
    /// machine a busy disk once held a backend's start past 15 s while the other test projects ran.
    /// </summary>
    public string ConnectionString(string database = "postgres", string? password = null) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Password = password ?? Password, Database = database, Timeout = 60 }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (BinDirectory is null)
        {
            return;
        }

        _dir = Directory.CreateTempSubdirectory("arca-pg-").FullName;
        var pwfile = Path.Combine(_dir, "pwfile");
        await File.WriteAllTextAsync(pwfile, Password + "\n");
        if (Platform.Posix.IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _dir]);
        }

        await RunPgAsync("initdb", ["-D", Data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale"]);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var settings = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunPgAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_dir, "log"), "-w", "-t", "60", "-o", settings, "start"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between FreePort and the server's bind; pick another.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }

        try
        {
            await RunPgAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>Runs statements, each on its own, in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, params string[] statements)
    {
        await using var connection = await OpenAsync(database);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        await using var connection = await OpenAsync("postgres");
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A loopback port nothing listens on (a stopped server).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Data => Path.Combine(_dir!, "data");

    private static Task RunPgAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(BinDirectory!, tool);
        return Platform.Posix.IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static string? FindBin() =>
        Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(d => (Version: Version.TryParse(Path.GetFileName(d) + (Path.GetFileName(d).Contains('.') ? "" : ".0"), out var v) ? v : null, Bin: Path.Combine(d, "bin")))
                .Where(x => x.Version is not null && File.Exists(Path.Combine(x.Bin, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Bin)
                .FirstOrDefault()
            : null;
}
