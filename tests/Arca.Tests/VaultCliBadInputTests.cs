namespace Arca.Tests;

/// <summary>
/// Bad input to <c>arca vault</c>: exit code 1 and one clear line <c>arca: error: …</c> that names
/// the vault, key file, recovery point or directory at fault; never a stack trace.
/// </summary>
public sealed class VaultCliBadInputTests(BackedUpVault shared) : IClassFixture<BackedUpVault>
{
    private readonly CliVault _vault = shared.Vault;
    private readonly SourceTrees _trees = shared.Trees;

    [Theory]
    [InlineData("list")]
    [InlineData("verify")]
    [InlineData("gc")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("delete")]
    public async Task A_missing_vault_directory_is_named(string command)
    {
        var missing = _trees.NewDirectory("nowhere");
        var args = command switch
        {
            "backup" => [_trees.Small],
            "restore" => ["latest", _trees.NewDirectory("target")],
            "delete" => [shared.Id],
            _ => Array.Empty<string>(),
        };

        (await new CliVault(missing, _vault.KeyFile).RunAsync(command, args)).FailedWithOneLine($"vault {missing} does not exist");
    }

    [Fact]
    public async Task A_wrong_key_file_is_named_as_not_opening_the_vault()
    {
        var other = await CliVault.InitAsync(_trees);

        (await new CliVault(_vault.Dir, other.KeyFile).RunAsync("list")).FailedWithOneLine("does not open vault " + _vault.Dir);
    }

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public async Task A_malformed_key_file_is_named(string content)
    {
        var key = _trees.NewDirectory("bad-key");
        File.WriteAllText(key, content);

        (await new CliVault(_vault.Dir, key).RunAsync("list")).FailedWithOneLine($"key file {key} ");
    }

    [Fact]
    public async Task A_missing_key_file_is_named()
    {
        var key = _trees.NewDirectory("no-key");

        (await new CliVault(_vault.Dir, key).RunAsync("verify")).FailedWithOneLine($"cannot read key file {key}");
    }

    [Fact]
    public async Task An_unknown_recovery_point_is_named()
    {
        var unknown = new string('0', 64);
        var target = _trees.NewDirectory("target");

        (await _vault.RunAsync("restore", "0123abcd", target)).FailedWithOneLine($"no recovery point 0123abcd in {_vault.Dir}");
        (await _vault.RunAsync("restore", unknown, target)).FailedWithOneLine($"recovery point {unknown} does not exist in {_vault.Dir}");
        (await _vault.RunAsync("delete", "0123abcd")).FailedWithOneLine("no recovery point 0123abcd");
        (await _vault.RunAsync("verify", "not-an-id")).FailedWithOneLine("'not-an-id' is not a recovery point id");
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task An_ambiguous_prefix_is_named()
    {
        var vault = await CliVault.InitAsync(_trees);
        var id = await vault.BackupAsync(_trees.Small);

        // Two ids sharing 10 hex digits are too rare to wait for; a second name for the manifest stands in.
        var twin = id[..10] + (id[10] == '0' ? '1' : '0') + id[11..];
        File.Copy(Path.Combine(vault.Dir, "recovery-points", id), Path.Combine(vault.Dir, "recovery-points", twin));

        (await vault.RunAsync("restore", id[..10], _trees.NewDirectory("target"))).FailedWithOneLine($"recovery point prefix {id[..10]} is ambiguous in {vault.Dir}");
    }

    [Fact]
    public async Task A_non_empty_restore_target_is_named_and_left_alone()
    {
        var target = _trees.NewDirectory("target");
        SourceTrees.Write(target, "mine.txt", [1, 2, 3]);

        (await _vault.RunAsync("restore", "latest", target)).FailedWithOneLine($"restore target {target} is not empty");
        Assert.Equal(["mine.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(target, "mine.txt")));
    }

    [Fact]
    public async Task A_directory_that_is_not_a_vault_is_named()
    {
        var dir = _trees.NewDirectory("plain");
        SourceTrees.Write(dir, "notes.txt", [1]);

        (await new CliVault(dir, _vault.KeyFile).RunAsync("list")).FailedWithOneLine($"{dir} is not an Arca vault");
    }

    [Fact]
    public async Task A_missing_backup_source_is_named()
    {
        var source = _trees.NewDirectory("no-source");

        (await _vault.RunAsync("backup", source)).FailedWithOneLine($"source {source} does not exist");
        Assert.Equal([shared.Id], await _vault.ListAsync());
    }

    [Fact]
    public async Task A_corrupt_manifest_is_named_by_list_and_verify()
    {
        var vault = await CliVault.InitAsync(_trees);
        var id = await vault.BackupAsync(_trees.Small);
        var manifest = Path.Combine(vault.Dir, "recovery-points", id);
        var bytes = File.ReadAllBytes(manifest);
        bytes[40] ^= 0x40;
        File.WriteAllBytes(manifest, bytes);

        (await vault.RunAsync("list")).FailedWithOneLine($"recovery-points/{id} in {vault.Dir} is corrupt");
        var verify = await vault.RunAsync("verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"error: recovery point {id[..12]}: recovery-points/{id}: ", verify.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_object_among_the_packs_stops_gc_with_one_line()
    {
        var vault = await CliVault.InitAsync(_trees);
        await vault.BackupAsync(_trees.Small);
        SourceTrees.Write(vault.Dir, "data/zz/README", [1]);

        (await vault.RunAsync("gc")).FailedWithOneLine("unexpected object data/zz/README");
    }
}
