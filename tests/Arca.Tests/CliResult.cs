namespace Arca.Tests;

/// <summary>What one run of <c>arca</c> left: its exit code and output.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The exit code of a process killed by SIGKILL.</summary>
    public const int Killed = 128 + 9;

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"{this}");
        return this;
    }

    /// <summary>Exit code 1 and one clear line <c>arca: error: …</c> that names each of <paramref name="mentions"/>; never a stack trace.</summary>
    public void FailedWithOneLine(params string[] mentions)
    {
        Assert.True(ExitCode == 1, $"{this}");
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        var line = Assert.Single(StderrLines);
        Assert.StartsWith("arca: error: ", line, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, line, StringComparison.Ordinal);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
