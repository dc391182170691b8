namespace Arca.Tests.Docs;

/// <summary>The repository checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The directory holding Arca.slnx.</summary>
    public static string Root { get; } = FindRoot();

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
