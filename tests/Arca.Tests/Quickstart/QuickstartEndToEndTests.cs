using System.Text.Json;

namespace Arca.Tests.Quickstart;

/// <summary>
/// <c>arca quickstart</c>, the README's "try it" command: the real executable on a temporary data directory walks the
/// reference tutorial (organization, accounts, opt-ins, roles, keys, vaults, backup policy, backup, monitoring, the
/// cross-account cross-region copy, the copy back, the restore) and reports the restore verified identical to its source.
/// </summary>
public sealed class QuickstartEndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-quickstart-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Quickstart_walks_the_tutorial_and_verifies_the_restored_tree()
    {
        string data = Path.Combine(_dir, "data");
        CliResult result = await ArcaProcess.RunAsync("quickstart", "--data-dir", data, "--keep", "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        using JsonDocument report = JsonDocument.Parse(result.Stdout);
        JsonElement root = report.RootElement;
        Assert.True(root.GetProperty("verified").GetBoolean(), result.Stdout);
        Assert.Equal(12, root.GetProperty("steps").GetArrayLength());
        string source = root.GetProperty("sourceAccount").GetString()!;
        Assert.StartsWith($"arn:aws:backup:us-east-1:{source}:recovery-point:", root.GetProperty("recoveryPointArn").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, root.GetProperty("files").GetInt32());
        Assert.Contains("verified identical", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(TreeDigest.Of(Path.Combine(data, "sample")), TreeDigest.Of(Path.Combine(data, "restored")));
        string layout = string.Join('\n', root.GetProperty("steps")[3].GetProperty("details").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(4, layout.Split('\n').Count(l => l.EndsWith(": CURRENT", StringComparison.Ordinal))); // 2 accounts x 2 regions, by the layout
        string monitoring = string.Join('\n', root.GetProperty("steps")[7].GetProperty("details").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains($"account {source}: backup job", monitoring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quickstart_refuses_a_data_directory_that_is_not_empty()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "something"), "x");

        CliResult result = await ArcaProcess.RunAsync("quickstart", "--data-dir", _dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not empty", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "something")));
    }
}
