using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Copy;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A copy into a vault that already holds a copied recovery point (and its copy ledger), crashed
/// after each of its writes: the destination holds the copy exactly when the copy reported it
/// committed, every recovery point there verifies and restores exactly, and a retry succeeds.
/// </summary>
public sealed class CopyCrashHarnessTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_copy_crashed_after_any_write_leaves_only_whole_recovery_points_and_a_retry_succeeds()
    {
        var src = _f.Source();
        var tree = new RandomTree(13);
        tree.Build(src, entries: 40);
        var sourceVault = await _f.InitAsync();
        var first = (await DirectoryBackup.RunAsync(sourceVault, src, new BackupOptions())).RecoveryPointId;
        var firstTree = TreeBuilder.Describe(src);
        tree.Mutate(src, changes: 10);
        TreeBuilder.File(src, "new/random", TreeBuilder.Random(400_000, 3));
        var second = (await DirectoryBackup.RunAsync(sourceVault, src, new BackupOptions { Parent = first })).RecoveryPointId;
        var secondTree = TreeBuilder.Describe(src);
        var source = await VaultRecoveryPointSource.OpenAsync((await _f.OpenAsync()).Reader);

        var destination = new MemoryBlobStore();
        var committed = new CommittedPoints(_f);
        var options = new CopyOptions { Parallelism = 1 };
        committed.Add((await VaultCopy.RunAsync(source, first, await _f.InitAsync(destination), options)).RecoveryPointId, firstTree);
        var writes = await CrashPoints.CountWritesAsync(destination, async store => await VaultCopy.RunAsync(source, second, await _f.OpenAsync(store), options));
        Assert.InRange(writes, 8, 200);

        for (var k = 0; k <= writes; k++)
        {
            var store = await destination.CloneAsync();
            var faulty = new FaultInjectingBlobStore(store) { CrashAfterWrites = k };
            var (result, failure) = await CrashPoints.RunAsync(async () => await VaultCopy.RunAsync(source, second, await _f.OpenAsync(faulty), options));
            CrashPoints.AssertCrashedOrDone(k, writes, faulty, failure);

            var points = committed.Copy();
            if (result is not null)
            {
                points.Add(result.RecoveryPointId, secondTree);
            }

            var vault = await points.CheckAsync(store);
            points.Add((await VaultCopy.RunAsync(source, second, vault, options)).RecoveryPointId, secondTree);
            await points.CheckAsync(store);
        }
    }
}
