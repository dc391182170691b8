using System.Diagnostics;
using System.Text.Json;

namespace Arca.Tests;

/// <summary>
/// The <c>arca vault</c> commands as a user types them, and every bad input: exit code 1 and one
/// clear line <c>arca: error: …</c> naming the vault, file or recovery point, never a stack trace.
/// </summary>
public sealed class VaultCliTests(SourceTrees trees) : IClassFixture<SourceTrees>
{
    [Fact]
    public async Task Init_creates_the_vault_and_a_missing_key_file_with_mode_0600()
    {
        var dir = trees.NewDirectory("vault");
        var key = trees.NewDirectory("key");

        var init = (await ArcaProcess.RunAsync("vault", "init", dir, "--key-file", key)).Succeeded();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(key).Trim()).Length);
        Assert.StartsWith($"created vault {dir} (id ", init.Stdout, StringComparison.Ordinal);
        Assert.Contains($"created key file {key} (mode 0600)", init.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "config")));
    }

    [Fact]
    public async Task Init_keeps_an_existing_key_file_and_refuses_a_directory_that_holds_a_vault()
    {
        var vault = await CliVault.InitAsync(trees);
        var key = File.ReadAllText(vault.KeyFile);

        (await vault.RunAsync("init")).FailedWithOneLine(vault.Dir, "already holds a vault");
        (await ArcaProcess.RunAsync("vault", "init", trees.NewDirectory("vault"), "--key-file", vault.KeyFile)).Succeeded();
        Assert.Equal(key, File.ReadAllText(vault.KeyFile));
    }

    [Fact]
    public async Task Backup_prints_only_the_recovery_point_id_on_stdout_and_list_shows_it()
    {
        var vault = await CliVault.InitAsync(trees);

        var backup = (await vault.RunAsync("backup", trees.Small)).Succeeded();

        var id = backup.Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal(id + "\n", backup.Stdout);
        var list = (await vault.RunAsync("list")).Succeeded();
        Assert.Contains(id[..12], list.Stdout, StringComparison.Ordinal);
        Assert.Contains(trees.Small, list.Stdout, StringComparison.Ordinal);
        Assert.Equal([id], await vault.ListAsync());
    }

    [Fact]
    public async Task Restore_by_id_by_prefix_and_latest_reproduces_the_source()
    {
        var vault = await CliVault.InitAsync(trees);
        var id = await vault.BackupAsync(trees.Small);

        foreach (var reference in new[] { id, id[..10], "latest" })
        {
            Assert.Equal(trees.SmallDigest, await vault.RestoreAsync(reference, trees));
        }
    }

    [Fact]
    public async Task Verify_exits_0_on_a_sound_vault_and_1_naming_the_file_a_damaged_pack_hits()
    {
        var vault = await CliVault.InitAsync(trees);
        var source = trees.NewDirectory("source");
        SourceTrees.Write(source, "only.bin", SourceTrees.Random(300_000, 5));
        var id = await vault.BackupAsync(source);
        Assert.Contains("no problems", (await vault.RunAsync("verify")).Succeeded().Stdout, StringComparison.Ordinal);

        var pack = Directory.EnumerateFiles(Path.Combine(vault.Dir, "data"), "*", SearchOption.AllDirectories).Single();
        using (var file = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 1000;
            var b = file.ReadByte();
            file.Position = 1000;
            file.WriteByte((byte)(b ^ 0x40));
        }

        var verify = await vault.RunAsync("verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.DoesNotContain("   at ", verify.Stderr, StringComparison.Ordinal);
        Assert.Contains(verify.StderrLines, l => l.StartsWith($"error: recovery point {id[..12]} file only.bin: ", StringComparison.Ordinal)
            && l.Contains(Path.GetRelativePath(vault.Dir, pack), StringComparison.Ordinal));

        var target = trees.NewDirectory("restored");
        var restore = await vault.RunAsync("restore", id, target);
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains($"error: recovery point {id[..12]}: only.bin: ", restore.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "only.bin")));
    }

    [Fact]
    public async Task Delete_then_gc_removes_a_recovery_point_and_its_data()
    {
        var vault = await CliVault.InitAsync(trees);
        var kept = await vault.BackupAsync(trees.Small);
        var source = trees.NewDirectory("source");
        SourceTrees.Write(source, "gone.bin", SourceTrees.Random(2_000_000, 6));
        var gone = await vault.BackupAsync(source);
        var before = DataBytes(vault);

        Assert.Equal($"deleted recovery point {gone}\n", (await vault.RunAsync("delete", gone[..12])).Succeeded().Stdout);
        Assert.Equal([kept], await vault.ListAsync());
        (await vault.RunAsync("gc")).Succeeded();

        Assert.InRange(DataBytes(vault), 0, before - 1_900_000);
        (await vault.RunAsync("verify")).Succeeded();
        Assert.Equal(trees.SmallDigest, await vault.RestoreAsync(kept, trees));
    }

    [Fact]
    public async Task A_partial_backup_exits_3_and_commits_what_it_captured()
    {
        var vault = await CliVault.InitAsync(trees);
        var source = trees.NewDirectory("source");
        SourceTrees.Write(source, "ok.txt", SourceTrees.Text(1000, 7));

        // A name that is not valid UTF-8 cannot be recorded faithfully. .NET strings cannot make one
        // (nor remove one); the shell can.
        await ShellAsync("touch \"$1/$(printf 'bad\\377name')\"", source);
        try
        {
            await AssertPartialAsync(vault, source);
        }
        finally
        {
            await ShellAsync("rm -f \"$1\"/bad*name", source);
        }
    }

    private async Task AssertPartialAsync(CliVault vault, string source)
    {
        var backup = await vault.RunAsync("backup", source);

        Assert.True(backup.ExitCode == 3, $"{backup}");
        Assert.Contains("recovery point is PARTIAL", backup.Stderr, StringComparison.Ordinal);
        var id = backup.Stdout.Trim();
        using var list = JsonDocument.Parse((await vault.RunAsync("list", "--json")).Succeeded().Stdout);
        var entry = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal((id, true), (entry.GetProperty("id").GetString(), entry.GetProperty("partial").GetBoolean()));
        Assert.Equal(["ok.txt"], (await vault.RestoreAsync(id, trees)).Keys);
    }

    private static async Task ShellAsync(string script, string argument)
    {
        using var sh = Process.Start("/bin/sh", ["-c", script, "sh", argument]);
        await sh.WaitForExitAsync();
        Assert.Equal(0, sh.ExitCode);
    }

    private static long DataBytes(CliVault vault) =>
        Directory.EnumerateFiles(Path.Combine(vault.Dir, "data"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
