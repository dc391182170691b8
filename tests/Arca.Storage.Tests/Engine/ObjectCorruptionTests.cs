using System.Text;
using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Maintenance;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>Damaged manifests, config and key objects, a wrong key and a directory that is not a vault: each is named, never guessed around.</summary>
public sealed class ObjectCorruptionTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_corrupt_manifest_is_named_by_list_and_verify_and_the_other_recovery_points_still_restore()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var first = TreeBuilder.Describe(s.Source);
        TreeBuilder.File(s.Source, "later.txt", TreeBuilder.Text(2000, 9));
        var second = (await DirectoryBackup.RunAsync(await _f.OpenAsync(), s.Source, new BackupOptions())).RecoveryPointId;
        var key = FormatIds.RecoveryPointKey(second);
        _f.Memory.FlipByte(key, 40);

        var reader = (await _f.OpenAsync()).Reader;
        var e = await Assert.ThrowsAsync<VaultCorruptionException>(() => reader.ListRecoveryPointsAsync());
        Assert.Contains(key, e.Message, StringComparison.Ordinal);

        var report = await s.VerifyAsync();
        var error = Assert.Single(report.Errors);
        Assert.Equal((second.ToString(), key), (error.RecoveryPoint, error.Object));
        Assert.Equal(1, report.RecoveryPoints);

        await Assert.ThrowsAsync<VaultCorruptionException>(() => s.RestoreAsync(second));
        var (result, target) = await s.RestoreAsync();
        Assert.Empty(result.Errors);
        Assert.Equal(first, TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task Gc_refuses_to_run_while_a_manifest_is_corrupt_and_deletes_nothing()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        _f.Memory.FlipByte(FormatIds.RecoveryPointKey(s.RecoveryPoint), 40);
        var before = await _f.Memory.KeysAsync(string.Empty);

        await Assert.ThrowsAsync<VaultCorruptionException>(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(), new GcOptions { RepackThreshold = 0 }));
        Assert.Equal(before, await _f.Memory.KeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_corrupt_config_is_named_when_the_vault_is_opened()
    {
        await _f.InitAsync();
        _f.Memory.FlipByte(FormatIds.ConfigKey, 30);
        var e = await Assert.ThrowsAsync<VaultCorruptionException>(() => _f.OpenAsync());
        Assert.Contains("config of vault memory is corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_is_named_when_the_vault_is_opened()
    {
        await _f.InitAsync();
        await _f.Memory.DeleteAsync(FormatIds.ConfigKey);
        var e = await Assert.ThrowsAsync<VaultException>(() => _f.OpenAsync());
        Assert.Contains("has keys but no config", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_object_whose_wrapped_key_was_altered_is_reported_corrupt_not_as_a_wrong_key()
    {
        await _f.InitAsync();
        var key = Assert.Single(await _f.Memory.KeysAsync(FormatIds.KeysPrefix));
        _f.Memory.Tamper(key, bytes =>
        {
            var json = Encoding.UTF8.GetString(bytes);
            var at = json.IndexOf("\"wrapped\":\"", StringComparison.Ordinal) + 11;
            return Encoding.UTF8.GetBytes(json[..at] + (json[at] == 'A' ? 'B' : 'A') + json[(at + 1)..]);
        });

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(() => _f.OpenAsync());
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Contains("memory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_key_object_is_named()
    {
        await _f.InitAsync();
        var key = Assert.Single(await _f.Memory.KeysAsync(FormatIds.KeysPrefix));
        _f.Memory.Truncate(key, 50);

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(() => _f.OpenAsync());
        Assert.Contains(key + " in memory is corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_key_object_beside_a_good_one_does_not_lock_the_owner_out()
    {
        await _f.InitAsync();
        await _f.Memory.TryCreateAsync(FormatIds.KeysPrefix + "0000-damaged", Encoding.UTF8.GetBytes("{\"version\":1,"));

        var vault = await _f.OpenAsync();
        Assert.Empty(await vault.Reader.ListRecoveryPointIdsAsync());
    }

    [Fact]
    public async Task A_wrong_key_file_does_not_open_the_vault_and_says_so()
    {
        await _f.InitAsync();
        var other = LocalKeyFile.LoadOrCreate(_f.Dir.Sub("other-key"), out _);

        var e = await Assert.ThrowsAsync<VaultException>(() => Vault.OpenAsync(_f.Memory, other, TimeProvider.System));
        Assert.Contains($"the key (local-file {other.KeyId}) does not open vault memory", e.Message, StringComparison.Ordinal);
        Assert.Contains(_f.KeyFile.KeyId, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gc_refuses_an_unexpected_object_among_the_packs_and_deletes_nothing()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        await _f.Memory.TryCreateAsync("data/zz/README", Encoding.UTF8.GetBytes("not a pack"));
        var before = await _f.Memory.KeysAsync(string.Empty);

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(), new GcOptions { RepackThreshold = 0 }));
        Assert.Contains("unexpected object data/zz/README", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _f.Memory.KeysAsync(string.Empty));
        Assert.Empty((await s.VerifyAsync()).Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_directory_that_is_not_a_vault_is_named(bool withFiles)
    {
        var dir = _f.Dir.Sub("not-a-vault");
        Directory.CreateDirectory(dir);
        if (withFiles)
        {
            TreeBuilder.File(dir, "notes.txt", TreeBuilder.Text(100, 1));
            TreeBuilder.File(dir, "data/ab/cd", TreeBuilder.Random(100, 2));
        }

        var e = await Assert.ThrowsAsync<VaultException>(() => _f.OpenAsync(new LocalBlobStore(dir)));
        Assert.Equal($"{dir} is not an Arca vault (no config and no keys); create one with 'arca vault init'", e.Message);
    }
}
