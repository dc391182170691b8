using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// Locates and compares the golden files under Golden/ in the source tree. Set
/// ARCA_UPDATE_GOLDEN=1 to rewrite the generated expectations (never the hand-written inputs),
/// then review the diff.
/// </summary>
internal static class GoldenFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool Updating => Environment.GetEnvironmentVariable("ARCA_UPDATE_GOLDEN") == "1";

    /// <summary>tests/Arca.Domain.Tests/Organizations/BackupPolicies/Golden in the source tree.</summary>
    public static string Directory { get; } = Path.Combine(
        RepositoryRoot(), "tests", "Arca.Domain.Tests", "Organizations", "BackupPolicies", "Golden");

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Directory, .. parts]));

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the JSON in the golden file (object key order
    /// ignored, array order significant). In update mode, writes it instead, except over an
    /// <paramref name="authored"/> file (an expectation written by hand, e.g. from the reference).
    /// </summary>
    public static void AssertJson(string actual, bool authored, params string[] parts)
    {
        var path = Path.Combine([Directory, .. parts]);
        var actualNode = JsonNode.Parse(actual);
        var pretty = actualNode?.ToJsonString(Json) ?? "null";
        if (Updating && !(authored && File.Exists(path)))
        {
            File.WriteAllText(path, pretty + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with ARCA_UPDATE_GOLDEN=1\nactual:\n{pretty}");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actualNode), $"{path} differs.\nactual:\n{pretty}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arca.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Arca.slnx not found above " + AppContext.BaseDirectory);
    }
}
