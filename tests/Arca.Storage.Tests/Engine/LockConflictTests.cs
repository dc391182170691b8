using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Format;
using Arca.Storage.Maintenance;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// gc never runs beside a backup: a backup's packs and index are written before its manifest, so a
/// gc in between would take them for garbage. The locks keep the two apart, and a failed operation
/// leaves what was committed intact.
/// </summary>
public sealed class LockConflictTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Gc_fails_with_a_clear_lock_message_while_a_backup_is_about_to_commit_and_collects_nothing()
    {
        var (committed, src) = await CommitFirstAsync();
        TreeBuilder.File(src, "new.bin", TreeBuilder.Random(300_000, 2));
        var expected = TreeBuilder.Describe(src);

        // The backup stops right before its manifest: its packs and index are stored, nothing references them yet.
        var gated = new GatedBlobStore(_f.Memory, (op, key) => op == "create" && key.StartsWith(FormatIds.RecoveryPointsPrefix, StringComparison.Ordinal));
        var backup = DirectoryBackup.RunAsync(await _f.OpenAsync(gated), src, new BackupOptions());
        await gated.Reached.WaitAsync(Bound);
        var before = await _f.Memory.KeysAsync(FormatIds.DataPrefix);

        var e = await Assert.ThrowsAsync<VaultException>(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(), new GcOptions { RepackThreshold = 0 }));
        Assert.Contains("vault memory is locked (shared) by backup on " + Environment.MachineName, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _f.Memory.KeysAsync(FormatIds.DataPrefix));

        gated.Open();
        committed.Add((await backup).RecoveryPointId, expected);
        Assert.Empty(await _f.Memory.KeysAsync(FormatIds.LocksPrefix));
        await committed.CheckAsync(_f.Memory);
    }

    [Fact]
    public async Task A_backup_fails_with_a_clear_lock_message_while_gc_runs_and_succeeds_after_it()
    {
        var (committed, src) = await CommitFirstAsync();
        var gated = new GatedBlobStore(_f.Memory, (op, key) => op == "delete" && key.StartsWith(FormatIds.IndexPrefix, StringComparison.Ordinal));
        TreeBuilder.File(src, "gone", TreeBuilder.Random(100_000, 3));
        var doomed = (await DirectoryBackup.RunAsync(await _f.OpenAsync(), src, new BackupOptions())).RecoveryPointId;
        await RecoveryPoints.DeleteAsync(await _f.OpenAsync(), doomed);
        File.Delete(Path.Combine(src, "gone"));

        var gc = GarbageCollector.RunAsync(await _f.OpenAsync(gated), new GcOptions { RepackThreshold = 0 });
        await gated.Reached.WaitAsync(Bound);
        var e = await Assert.ThrowsAsync<VaultException>(async () => await DirectoryBackup.RunAsync(await _f.OpenAsync(), src, new BackupOptions()));
        Assert.Contains("vault memory is locked (exclusive) by gc", e.Message, StringComparison.Ordinal);

        gated.Open();
        await gc;
        committed.Add((await DirectoryBackup.RunAsync(await _f.OpenAsync(), src, new BackupOptions())).RecoveryPointId, TreeBuilder.Describe(src));
        await committed.CheckAsync(_f.Memory);
    }

    [Fact]
    public async Task A_backup_that_fails_on_a_store_error_says_why_and_harms_no_committed_recovery_point()
    {
        var (committed, src) = await CommitFirstAsync();
        TreeBuilder.File(src, "more", TreeBuilder.Random(2_000_000, 4));
        var failing = new FaultInjectingBlobStore(_f.Memory)
        {
            TransientFailure = (_, key) => key.StartsWith(FormatIds.DataPrefix, StringComparison.Ordinal),
        };

        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await DirectoryBackup.RunAsync(await _f.OpenAsync(failing), src, new BackupOptions()));
        Assert.False(e is OperationCanceledException, e.ToString());
        Assert.Contains("injected transient failure", e.ToString(), StringComparison.Ordinal);
        await committed.CheckAsync(_f.Memory);
    }

    private async Task<(CommittedPoints Committed, string Source)> CommitFirstAsync()
    {
        var src = _f.Source();
        new RandomTree(5).Build(src, entries: 30);
        var committed = new CommittedPoints(_f);
        committed.Add((await DirectoryBackup.RunAsync(await _f.InitAsync(), src, new BackupOptions())).RecoveryPointId, TreeBuilder.Describe(src));
        return (committed, src);
    }
}
