using System.Diagnostics;
using System.Globalization;

namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>
/// A real <c>arca server</c> (<c>dotnet arca.dll</c> from the build output) on 127.0.0.1 with a free port, serving
/// us-east-1 and eu-west-1 from a temporary data directory that is deleted on dispose. Reads the address and account it
/// prints and the root key it writes to <c>DIR/credentials</c>.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public Uri Endpoint { get; private set; } = null!;

    public string AccountId { get; private set; } = string.Empty;

    /// <summary>Everything the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<ServerProcess> StartAsync()
    {
        string dataDir = Directory.CreateTempSubdirectory("arca-console-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "arca.dll"), "server", "--data-dir", dataDir, "--listen", "http://127.0.0.1:0", "--regions", "us-east-1,eu-west-1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ARCA_MASTER_KEY");
        var server = new ServerProcess(Process.Start(start)!, dataDir);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, null);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        Task exited = server._process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            string output = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException("arca server did not start:\n" + output);
        }

        return server;
    }

    /// <summary>The management account's root key from <c>DIR/credentials</c>.</summary>
    public (string KeyId, string Secret) RootKey()
    {
        string[] lines = File.ReadAllLines(Path.Combine(DataDir, "credentials"));
        string Value(string name) => lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split('=', 2)[1].Trim();
        return (Value("aws_access_key_id"), Value("aws_secret_access_key"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(DataDir, recursive: true);
    }

    private void OnLine(string? line, TaskCompletionSource? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith("account: ", StringComparison.Ordinal))
        {
            AccountId = line["account: ".Length..].Split(' ')[0];
        }
        else if (line.StartsWith("listening: ", StringComparison.Ordinal))
        {
            Endpoint = new Uri(line["listening: ".Length..]);
            listening?.TrySetResult();
        }
    }
}
