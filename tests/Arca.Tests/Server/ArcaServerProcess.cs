using System.Diagnostics;

namespace Arca.Tests.Server;

/// <summary>
/// The real <c>arca server</c> (<c>dotnet arca.dll</c> from the build output) on a free port with a temporary data
/// directory; reads the account id and address it prints, and the root key it writes to <c>DIR/credentials</c>.
/// </summary>
internal sealed class ArcaServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ArcaServerProcess(Process process, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public string AccountId { get; private set; } = string.Empty;

    public bool AccountCreated { get; private set; }

    public Uri Endpoint { get; private set; } = null!;

    public string CredentialsFile => Path.Combine(DataDir, "credentials");

    /// <summary>Everything the process printed (stdout and stderr), for failure messages.</summary>
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

    /// <summary>Starts <c>arca server</c> on <paramref name="dataDir"/> with <paramref name="extraArguments"/> (e.g. hidden test options).</summary>
    public static async Task<ArcaServerProcess> StartAsync(string dataDir, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "arca.dll"), "server", "--data-dir", dataDir, "--listen", "http://127.0.0.1:0", "--regions", "us-east-1,eu-west-1" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ARCA_MASTER_KEY");
        var server = new ArcaServerProcess(Process.Start(start)!, dataDir);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, null);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        Task exited = server._process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("arca server did not start:\n" + server.Output);
        }

        return server;
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        if (!_process.HasExited)
        {
            using Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process with SIGKILL (a crash: nothing is flushed or stopped) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await TerminateAsync();
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    /// <summary>The root key from <c>DIR/credentials</c>.</summary>
    public (string KeyId, string Secret) RootKey()
    {
        string[] lines = File.ReadAllLines(CredentialsFile);
        string Value(string name) => lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split('=', 2)[1].Trim();
        return (Value("aws_access_key_id"), Value("aws_secret_access_key"));
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
            AccountCreated = line.EndsWith("(created)", StringComparison.Ordinal);
        }
        else if (line.StartsWith("listening: ", StringComparison.Ordinal))
        {
            Endpoint = new Uri(line["listening: ".Length..]);
            listening?.TrySetResult();
        }
    }
}
