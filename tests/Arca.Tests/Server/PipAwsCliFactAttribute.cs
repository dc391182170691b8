using System.Diagnostics;

namespace Arca.Tests.Server;

/// <summary>A fact that needs the pip AWS CLI v1 (<c>python3 -m awscli</c>, newer Backup model); skipped with the reason where absent.</summary>
public sealed class PipAwsCliFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo("python3", ["-c", "import awscli"]) { RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public PipAwsCliFactAttribute()
    {
        Skip = Available.Value ? null : "the pip AWS CLI is not installed (python3 -m awscli).";
    }
}
