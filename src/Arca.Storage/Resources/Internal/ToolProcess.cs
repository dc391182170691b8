using System.ComponentModel;
using System.Diagnostics;

namespace Arca.Storage.Resources.Internal;

/// <summary>Runs an external tool without a shell, stdin closed, output captured; killed on cancellation.</summary>
internal static class ToolProcess
{
    private const int MaxCaptured = 8192;

    /// <summary>Runs <paramref name="path"/> with <paramref name="arguments"/>; <paramref name="configure"/> sets its environment.</summary>
    /// <exception cref="Win32Exception">The tool could not be started.</exception>
    public static async Task<ToolResult> RunAsync(string path, IEnumerable<string> arguments, Action<IDictionary<string, string?>> configure, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        configure(info.Environment);
        using var process = Process.Start(info) ?? throw new Win32Exception($"{path} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new ToolResult(process.ExitCode, Tail(await stdout.ConfigureAwait(false)), Tail(await stderr.ConfigureAwait(false)));
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxCaptured ? trimmed : "…" + trimmed[^MaxCaptured..];
    }
}
