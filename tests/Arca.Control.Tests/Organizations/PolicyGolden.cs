using System.Text.Json.Nodes;

namespace Arca.Control.Tests.Organizations;

/// <summary>The golden cases of the inheritance engine (tests/Arca.Domain.Tests/…/Golden), read from the source tree.</summary>
internal static class PolicyGolden
{
    private static readonly string Directory = Find();

    public static string Read(string caseName, string file) => File.ReadAllText(Path.Combine(Directory, caseName, file));

    /// <summary>Asserts that <paramref name="actual"/> is the JSON of <paramref name="caseName"/>'s <c>effective.json</c>.</summary>
    public static void AssertEffective(string caseName, string actual)
    {
        JsonNode expected = JsonNode.Parse(Read(caseName, "effective.json"))!;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual)), $"expected {expected.ToJsonString()}\nactual   {actual}");
    }

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Arca.Domain.Tests", "Organizations", "BackupPolicies", "Golden");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Arca.Domain.Tests/Organizations/BackupPolicies/Golden not found above " + AppContext.BaseDirectory);
    }
}
