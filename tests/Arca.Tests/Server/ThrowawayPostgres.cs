using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Arca.Tests.Server;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 (free port, fsync off, scram-sha-256 over TCP with a random password), as
/// shared/reference/test-clients.md §4 shows: initdb and pg_ctl run as the postgres user when root, pg_ctl -w waits for
/// it (no sleep). Stopped and removed on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string DebianRoot = "/usr/lib/postgresql";
    private readonly string _dir;

    private ThrowawayPostgres(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null.</summary>
    public static string? SkipReason => Bin is null ? $"PostgreSQL server binaries are not installed (no {DebianRoot}/*/bin/initdb); apt-get install postgresql" : null;

    public string Password { get; } = "pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public int Port { get; }

    private static string? Bin { get; } = Directory.Exists(DebianRoot)
        ? Directory.EnumerateDirectories(DebianRoot).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
        : null;

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        string dir = Directory.CreateTempSubdirectory("arca-pg-").FullName;
        var pg = new ThrowawayPostgres(dir, FreePort());
        await File.WriteAllTextAsync(Path.Combine(dir, "pwfile"), pg.Password + "\n");
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dir]);
        }

        await RunPgAsync("initdb", ["-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + Path.Combine(dir, "pwfile"), "-E", "UTF8", "--no-locale"]);
        string settings = $"-c listen_addresses=127.0.0.1 -p {pg.Port} -k {dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunPgAsync("pg_ctl", ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-t", "60", "-o", settings, "start"]);
        return pg;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Password = Password, Database = database, Pooling = false }.ConnectionString;

    public async Task ExecuteAsync(string database, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        foreach (string sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<IReadOnlyList<string>> RowsAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPgAsync(string tool, string[] arguments)
    {
        string path = Path.Combine(Bin!, tool);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
