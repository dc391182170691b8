using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Maintenance;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A crash (simulated: after the k-th create or delete every call fails) at every point of a backup
/// and of a gc never leaves a half recovery point visible and never loses a chunk a committed one
/// needs; the next run, after removing the dead process's locks, succeeds.
/// </summary>
public sealed class CrashHarnessTests : IDisposable
{
    private static readonly GcOptions Repacking = new() { RepackThreshold = 0.01 };
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_backup_crashed_after_any_write_leaves_only_whole_recovery_points_and_a_retry_succeeds()
    {
        var (committed, src, tree) = await CommitAsync(2);
        tree.Mutate(src, changes: 10);
        TreeBuilder.File(src, "new/random", TreeBuilder.Random(400_000, 3));
        TreeBuilder.File(src, "new/text", TreeBuilder.Text(300_000, 4));
        var interrupted = TreeBuilder.Describe(src);
        var options = new BackupOptions { Parallelism = 1, Parent = committed.Ids.Last() };
        var writes = await CountWritesAsync(vault => DirectoryBackup.RunAsync(vault, src, options));
        Assert.InRange(writes, 8, 200);

        for (var k = 0; k <= writes; k++)
        {
            var store = await _f.Memory.CloneAsync();
            var faulty = new FaultInjectingBlobStore(store) { CrashAfterWrites = k };
            var (result, failure) = await CrashPoints.RunAsync(async () => await DirectoryBackup.RunAsync(await _f.OpenAsync(faulty), src, options));
            CrashPoints.AssertCrashedOrDone(k, writes, faulty, failure);

            // Visible exactly when the backup reported it committed, and then whole.
            var points = committed.Copy();
            if (result is not null)
            {
                points.Add(result.RecoveryPointId, interrupted);
            }

            var vault = await points.CheckAsync(store);
            points.Add((await DirectoryBackup.RunAsync(vault, src, options)).RecoveryPointId, interrupted);
            await points.CheckAsync(store);
        }
    }

    [Fact]
    public async Task A_gc_crashed_after_any_write_keeps_every_recovery_point_whole_and_a_retry_succeeds()
    {
        var (committed, src, tree) = await CommitAsync(1);
        tree.Mutate(src, changes: 10);
        TreeBuilder.File(src, "only-in-the-deleted-one", TreeBuilder.Random(600_000, 5));
        var deleted = (await DirectoryBackup.RunAsync(await _f.OpenAsync(), src, new BackupOptions())).RecoveryPointId;
        File.Delete(Path.Combine(src, "only-in-the-deleted-one"));
        tree.Mutate(src, changes: 10);
        committed.Add((await DirectoryBackup.RunAsync(await _f.OpenAsync(), src, new BackupOptions())).RecoveryPointId, TreeBuilder.Describe(src));
        await RecoveryPoints.DeleteAsync(await _f.OpenAsync(), deleted);

        GcReport? full = null;
        var writes = await CountWritesAsync(async vault => full = await GarbageCollector.RunAsync(vault, Repacking));
        Assert.True(full!.PacksRepacked > 0 && full.PacksDeleted > 0 && full.IndexObjectsDeleted > 1, $"gc must repack and delete: {full}");
        Assert.InRange(writes, 8, 200);

        for (var k = 0; k <= writes; k++)
        {
            var store = await _f.Memory.CloneAsync();
            var faulty = new FaultInjectingBlobStore(store) { CrashAfterWrites = k };
            var (_, failure) = await CrashPoints.RunAsync(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(faulty), Repacking));
            CrashPoints.AssertCrashedOrDone(k, writes, faulty, failure);

            var vault = await committed.CheckAsync(store);
            await GarbageCollector.RunAsync(vault, Repacking);
            await committed.CheckAsync(store);
            var again = await GarbageCollector.RunAsync(await _f.OpenAsync(store), Repacking);
            Assert.True(again.PacksDeleted == 0 && again.PacksRepacked == 0, $"after crash point {k}, a second gc still found work: {again}");
        }
    }

    [Fact]
    public async Task An_init_crashed_after_any_write_leaves_no_vault_or_a_whole_one_and_says_how_to_recover()
    {
        for (var k = 0; k <= 2; k++)
        {
            var store = new MemoryBlobStore();
            var faulty = new FaultInjectingBlobStore(store) { CrashAfterWrites = k };
            var (vault, _) = await CrashPoints.RunAsync(() => Repository.Vault.InitAsync(faulty, _f.KeyFile, VaultFixture.SmallOptions, TimeProvider.System));
            Assert.Equal(k < 2, faulty.Crashed);
            switch (store.Count)
            {
                case 0:
                    await _f.InitAsync(store);
                    break;
                case 1:
                    var e = await Assert.ThrowsAsync<Repository.VaultException>(() => _f.OpenAsync(store));
                    Assert.Contains("has keys but no config", e.Message, StringComparison.Ordinal);
                    e = await Assert.ThrowsAsync<Repository.VaultException>(() => _f.InitAsync(store));
                    Assert.Contains("an interrupted init?); remove it and init again", e.Message, StringComparison.Ordinal);
                    break;
                default:
                    Assert.NotNull(vault);
                    Assert.Empty(await (await _f.OpenAsync(store)).Reader.ListRecoveryPointIdsAsync());
                    break;
            }
        }
    }

    /// <summary>Backs up a random tree <paramref name="count"/> times, changing it in between.</summary>
    private async Task<(CommittedPoints Committed, string Source, RandomTree Tree)> CommitAsync(int count)
    {
        var src = _f.Source();
        var tree = new RandomTree(11);
        tree.Build(src, entries: 40);
        var vault = await _f.InitAsync();
        var committed = new CommittedPoints(_f);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                tree.Mutate(src, changes: 10);
            }

            committed.Add((await DirectoryBackup.RunAsync(vault, src, new BackupOptions())).RecoveryPointId, TreeBuilder.Describe(src));
        }

        return (committed, src, tree);
    }

    /// <summary>The creates and deletes of one uninterrupted run, on a copy of the vault.</summary>
    private async Task<int> CountWritesAsync(Func<Repository.Vault, Task> operation) =>
        await CrashPoints.CountWritesAsync(_f.Memory, async store => await operation(await _f.OpenAsync(store)));
}
