using System.Runtime.CompilerServices;

namespace Arca.Domain.Tests.Plans;

/// <summary>
/// Golden files live beside this source file in Golden/. Set ARCA_UPDATE_GOLDEN=1 to rewrite them
/// from the actual output instead of comparing.
/// </summary>
internal static class GoldenFile
{
    public static string Read(string name) => File.ReadAllText(PathOf(name)).ReplaceLineEndings("\n").TrimEnd('\n');

    public static void AssertMatches(string name, string actual)
    {
        string normalized = actual.ReplaceLineEndings("\n").TrimEnd('\n');
        if (Environment.GetEnvironmentVariable("ARCA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(PathOf(name), normalized + "\n");
            return;
        }

        Assert.Equal(Read(name), normalized);
    }

    private static string PathOf(string name, [CallerFilePath] string source = "")
    {
        return Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);
    }
}
