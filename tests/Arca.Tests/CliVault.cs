using System.Diagnostics;
using System.Text.Json;

namespace Arca.Tests;

/// <summary>A vault directory with its key file, and <c>arca vault</c> commands run on it.</summary>
internal sealed class CliVault(string dir, string keyFile)
{
    public string Dir { get; } = dir;

    public string KeyFile { get; } = keyFile;

    public static async Task<CliVault> InitAsync(SourceTrees trees)
    {
        var vault = new CliVault(trees.NewDirectory("vault"), trees.NewDirectory("key"));
        (await vault.RunAsync("init")).Succeeded();
        return vault;
    }

    public string[] Args(string command, params string[] args) => ["vault", command, Dir, "--key-file", KeyFile, .. args];

    public Task<CliResult> RunAsync(string command, params string[] args) => ArcaProcess.RunAsync(Args(command, args));

    public Process Start(string command, params string[] args) => ArcaProcess.Start(Args(command, args));

    /// <summary>Backs up <paramref name="source"/>; returns the id printed on stdout.</summary>
    public async Task<string> BackupAsync(string source) => (await RunAsync("backup", source)).Succeeded().Stdout.Trim();

    public async Task<List<string>> ListAsync()
    {
        using var json = JsonDocument.Parse((await RunAsync("list", "--json")).Succeeded().Stdout);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }

    /// <summary>Restores into a new directory and describes what was restored.</summary>
    public async Task<SortedDictionary<string, string>> RestoreAsync(string id, SourceTrees trees)
    {
        var target = trees.NewDirectory("restored");
        (await RunAsync("restore", id, target)).Succeeded();
        var digest = TreeDigest.Of(target);
        Directory.Delete(target, recursive: true);
        return digest;
    }
}
