namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>Places in the repository the tests read from or write to, found upwards from the test binaries.</summary>
internal static class Repository
{
    /// <summary>The directory holding Arca.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The node tests and scripts of the console's JavaScript.</summary>
    public static string JsTests => Path.Combine(Root, "tests", "Arca.WebConsole.Tests", "js");

    /// <summary>Where screenshots go (TestResults/console, ignored by git), or ARCA_CONSOLE_SCREENSHOTS.</summary>
    public static string Screenshots
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("ARCA_CONSOLE_SCREENSHOTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Root, "TestResults", "console");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arca.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Arca.slnx not found above " + AppContext.BaseDirectory);
    }
}
