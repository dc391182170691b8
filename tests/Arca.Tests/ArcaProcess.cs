using System.Diagnostics;

namespace Arca.Tests;

/// <summary>The built <c>arca</c> executable (arca.dll beside this test assembly), run as a child process.</summary>
internal static class ArcaProcess
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "arca.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TERM");
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start arca");
    }

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await CompleteAsync(process);
    }

    /// <summary>Reads a started process's output until it exits (killing it if it outlives the bound).</summary>
    public static async Task<CliResult> CompleteAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            KillQuietly(process);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL, as <c>kill -9</c>; nothing when the process has already exited.</summary>
    public static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
