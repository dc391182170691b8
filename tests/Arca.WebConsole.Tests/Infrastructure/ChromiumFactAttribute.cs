namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>
/// A fact that drives Debian's Chromium through Playwright (whose own browser download cannot run here); skipped with
/// the reason where <see cref="Executable"/> is missing, or with the pending reason while the server lacks an
/// operation the test needs (set ARCA_CONSOLE_RUN_PENDING=1 to run those anyway, e.g. on a branch that merges them).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute(string? pending = null)
    {
        Skip = !File.Exists(Executable) ? $"{Executable} is missing (apt-get install chromium)."
            : Environment.GetEnvironmentVariable("ARCA_CONSOLE_RUN_PENDING") == "1" ? null
            : pending;
    }
}
