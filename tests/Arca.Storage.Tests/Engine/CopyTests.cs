using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Copy;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Storage.Tests.Engine;

public sealed class CopyTests : IDisposable
{
    private readonly VaultFixture _f = new();
    private readonly LocalKeyFile _otherKey;

    public CopyTests() => _otherKey = LocalKeyFile.LoadOrCreate(_f.Dir.Sub("other.key"), out _);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_copy_under_another_key_restores_identically_and_keeps_the_source_time()
    {
        var src = _f.Source();
        new RandomTree(7).Build(src, entries: 60);
        var source = await _f.InitAsync();
        var backup = await DirectoryBackup.RunAsync(source, src, new BackupOptions { Tags = new Dictionary<string, string> { ["a"] = "1" } });
        var destination = await Vault.InitAsync(new MemoryBlobStore(), _otherKey, VaultFixture.SmallOptions, TimeProvider.System);

        var copy = await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(source.Reader), backup.RecoveryPointId, destination, new CopyOptions { Tags = new Dictionary<string, string> { ["b"] = "2" } });

        Assert.Equal(backup.Manifest.Time, copy.Manifest.Time);
        Assert.Equal(("1", "2"), (copy.Manifest.Tags["a"], copy.Manifest.Tags["b"]));
        Assert.NotEqual(backup.Manifest.Tree, copy.Manifest.Tree);
        Assert.Equal(copy.BlobsReferenced, copy.BlobsRead);
        var target = _f.Dir.Sub("out");
        var restored = await DirectoryRestore.RunAsync(destination.Reader, copy.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
        Assert.Empty((await VaultVerifier.RunAsync(destination.Reader, null, 2)).Errors);
    }

    [Fact]
    public async Task A_second_copy_reads_and_writes_only_what_changed()
    {
        var src = _f.Source();
        for (var i = 0; i < 30; i++)
        {
            TreeBuilder.File(src, $"f{i}", TreeBuilder.Random(40_000, i));
        }

        var source = await _f.InitAsync();
        var first = await DirectoryBackup.RunAsync(source, src, new BackupOptions());
        var destination = await Vault.InitAsync(new MemoryBlobStore(), _otherKey, VaultFixture.SmallOptions, TimeProvider.System);
        var reader = await VaultRecoveryPointSource.OpenAsync(source.Reader);
        var copy1 = await VaultCopy.RunAsync(reader, first.RecoveryPointId, destination, new CopyOptions());

        TreeBuilder.File(src, "f3", TreeBuilder.Random(40_000, 1003));
        TreeBuilder.File(src, "new", TreeBuilder.Random(20_000, 2000));
        var second = await DirectoryBackup.RunAsync(source, src, new BackupOptions { Parent = first.RecoveryPointId });
        reader = await VaultRecoveryPointSource.OpenAsync(source.Reader);
        var copy2 = await VaultCopy.RunAsync(reader, second.RecoveryPointId, destination, new CopyOptions());

        Assert.True(copy1.BytesTransferred > 1_000_000);
        Assert.InRange(copy2.BytesRead, 60_000, 60_000 + (2 * VaultFixture.SmallOptions.Chunker.Max));
        Assert.InRange(copy2.BytesTransferred, 60_000, 80_000);
        var target = _f.Dir.Sub("out");
        await DirectoryRestore.RunAsync(destination.Reader, copy2.RecoveryPointId, target, new RestoreOptions());
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task Copying_back_to_the_original_vault_writes_no_data()
    {
        var src = _f.Source();
        new RandomTree(9).Build(src, entries: 40);
        var source = await _f.InitAsync();
        var backup = await DirectoryBackup.RunAsync(source, src, new BackupOptions());
        var destination = await Vault.InitAsync(new MemoryBlobStore(), _otherKey, VaultFixture.SmallOptions, TimeProvider.System);
        var copy = await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(source.Reader), backup.RecoveryPointId, destination, new CopyOptions());

        var back = await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(destination.Reader), copy.RecoveryPointId, source, new CopyOptions());

        Assert.Equal(0, back.BlobsWritten);
        Assert.Equal(backup.Manifest.Tree, back.Manifest.Tree);
        var target = _f.Dir.Sub("out");
        await DirectoryRestore.RunAsync(source.Reader, back.RecoveryPointId, target, new RestoreOptions());
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_corrupt_source_blob_fails_the_copy_and_leaves_no_recovery_point()
    {
        var src = _f.Source();
        TreeBuilder.File(src, "f", TreeBuilder.Random(50_000, 1));
        var source = await _f.InitAsync();
        var backup = await DirectoryBackup.RunAsync(source, src, new BackupOptions());
        var pack = (await source.Reader.LoadIndexAsync()).Packs[0];
        _f.Memory.Tamper(Format.FormatIds.PackKey(pack), bytes =>
        {
            bytes[100] ^= 1;
            return bytes;
        });
        var destination = await Vault.InitAsync(new MemoryBlobStore(), _otherKey, VaultFixture.SmallOptions, TimeProvider.System);

        await Assert.ThrowsAsync<VaultCorruptionException>(async () =>
            await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(source.Reader), backup.RecoveryPointId, destination, new CopyOptions()));
        Assert.Empty(await destination.Reader.ListRecoveryPointIdsAsync());
    }

    [Fact]
    public async Task A_copy_interrupted_at_any_write_leaves_no_partial_recovery_point_and_a_retry_completes()
    {
        var src = _f.Source();
        new RandomTree(11).Build(src, entries: 30);
        var source = await _f.InitAsync();
        var backup = await DirectoryBackup.RunAsync(source, src, new BackupOptions());
        for (var crashAfter = 0; crashAfter < 40; crashAfter += 3)
        {
            var memory = new MemoryBlobStore();
            var faulty = new FaultInjectingBlobStore(memory);
            var destination = await Vault.InitAsync(faulty, _otherKey, VaultFixture.SmallOptions, TimeProvider.System);
            faulty.CrashAfterWrites = faulty.Writes + crashAfter;
            try
            {
                await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(source.Reader), backup.RecoveryPointId, destination, new CopyOptions());
            }
            catch (Exception e) when (e is SimulatedCrashException or VaultException)
            {
                // The simulated crash; the destination must still be consistent.
            }

            var reopened = await Vault.OpenAsync(memory, _otherKey, TimeProvider.System);
            await VaultLock.RemoveStaleAsync(reopened, all: true);
            var committed = await reopened.Reader.ListRecoveryPointIdsAsync();
            Assert.True(committed.Count <= 1);
            var retry = committed.Count == 1 ? null : await VaultCopy.RunAsync(await VaultRecoveryPointSource.OpenAsync(source.Reader), backup.RecoveryPointId, reopened, new CopyOptions());
            Assert.Empty((await VaultVerifier.RunAsync(reopened.Reader, null, 2)).Errors);
            var target = _f.Dir.Sub("out" + crashAfter);
            await DirectoryRestore.RunAsync(reopened.Reader, retry?.RecoveryPointId ?? committed[0], target, new RestoreOptions());
            Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
        }
    }

    [Fact]
    public async Task A_copy_that_died_after_writing_much_of_its_data_is_resumed_by_reading_only_the_rest()
    {
        // About 250 packs of 64 KiB in the destination: three index objects (and ledger objects) before the end.
        var src = _f.Source();
        for (var i = 0; i < 80; i++)
        {
            TreeBuilder.File(src, $"f{i}", TreeBuilder.Random(200_000, 500 + i));
        }

        var source = await _f.InitAsync();
        var backup = await DirectoryBackup.RunAsync(source, src, new BackupOptions());
        var reader = await VaultRecoveryPointSource.OpenAsync(source.Reader);
        var options = new CopyOptions { Parallelism = 2 };
        var memory = new MemoryBlobStore();
        await Vault.InitAsync(memory, _otherKey, VaultFixture.SmallOptions, TimeProvider.System);
        var writes = await CrashPoints.CountWritesAsync(memory, async store => await VaultCopy.RunAsync(reader, backup.RecoveryPointId, await Vault.OpenAsync(store, _otherKey, TimeProvider.System), options));
        Assert.True(writes > 3 * PackWriter.PacksPerIndex, $"{writes} writes");

        var faulty = new FaultInjectingBlobStore(memory) { CrashAfterWrites = writes * 7 / 8 };
        await Assert.ThrowsAnyAsync<Exception>(async () => await VaultCopy.RunAsync(reader, backup.RecoveryPointId, await Vault.OpenAsync(faulty, _otherKey, TimeProvider.System), options));
        Assert.True(faulty.Crashed);

        var reopened = await Vault.OpenAsync(memory, _otherKey, TimeProvider.System);
        await VaultLock.RemoveStaleAsync(reopened, all: true);
        Assert.Empty(await reopened.Reader.ListRecoveryPointIdsAsync());
        var retry = await VaultCopy.RunAsync(reader, backup.RecoveryPointId, reopened, options);

        // The indexed part of the first attempt (three index objects' worth of packs) is neither read nor written again.
        Assert.InRange(retry.BlobsRead, 1, retry.BlobsReferenced / 2);
        Assert.True(retry.BlobsWritten <= retry.BlobsRead);
        Assert.Empty((await VaultVerifier.RunAsync(reopened.Reader, null, 2)).Errors);
        var target = _f.Dir.Sub("out");
        await DirectoryRestore.RunAsync(reopened.Reader, retry.RecoveryPointId, target, new RestoreOptions());
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }
}
