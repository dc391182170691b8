namespace Arca.Tests;

/// <summary>
/// <c>arca vault backup</c> and <c>arca vault gc</c> killed with SIGKILL at moments chosen by what
/// they have written (watched, not timed): the vault verifies, lists only committed recovery points,
/// restores them exactly, and the next run succeeds because the dead process's lock is stale.
/// </summary>
public sealed class VaultCrashTests(SourceTrees trees) : IClassFixture<SourceTrees>
{
    public enum BackupMoment
    {
        FirstPackStored,
        SecondPackStored,
        IndexStored,
    }

    public enum GcMoment
    {
        FirstRepackedPackStored,
        FirstIndexObjectDeleted,
        FirstPackDeleted,
    }

    [Theory]
    [InlineData(BackupMoment.FirstPackStored)]
    [InlineData(BackupMoment.SecondPackStored)]
    [InlineData(BackupMoment.IndexStored)]
    public async Task A_killed_backup_leaves_a_vault_that_verifies_lists_only_committed_points_and_takes_the_next_backup(BackupMoment moment)
    {
        var vault = await CliVault.InitAsync(trees);
        var first = await vault.BackupAsync(trees.Small);
        var (dir, nth) = moment switch
        {
            BackupMoment.FirstPackStored => ("data", 1),
            BackupMoment.SecondPackStored => ("data", 2),
            _ => ("index", 1),
        };

        var run = await RunUntilAsync(vault, Path.Combine(vault.Dir, dir), WatcherChangeTypes.Created, nth, "backup", trees.Large);
        if (moment != BackupMoment.IndexStored)
        {
            Assert.True(run.ExitCode == CliResult.Killed, $"the backup was not killed mid-way: {run}");
        }

        if (run.ExitCode == CliResult.Killed)
        {
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(vault.Dir, "locks")));
        }

        await AssertHoldsAsync(vault, new() { [first] = trees.SmallDigest }, interrupted: trees.LargeDigest);
        Assert.Equal(trees.LargeDigest, await vault.RestoreAsync(await vault.BackupAsync(trees.Large), trees));
        (await vault.RunAsync("gc")).Succeeded();
        (await vault.RunAsync("verify")).Succeeded();
        AssertNoLeftovers(vault);
    }

    [Theory]
    [InlineData(GcMoment.FirstRepackedPackStored)]
    [InlineData(GcMoment.FirstIndexObjectDeleted)]
    [InlineData(GcMoment.FirstPackDeleted)]
    public async Task A_killed_gc_loses_nothing_a_recovery_point_needs_and_the_next_gc_succeeds(GcMoment moment)
    {
        var vault = await CliVault.InitAsync(trees);
        var source = trees.CopyOfLarge();
        var old = await vault.BackupAsync(source);
        foreach (var i in new[] { 0, 3, 6 })
        {
            SourceTrees.Write(source, $"random/r{i}.bin", SourceTrees.Random(5_000_000, 100 + i));
        }

        var kept = await vault.BackupAsync(source);
        var keptDigest = TreeDigest.Of(source);
        (await vault.RunAsync("delete", old)).Succeeded();
        var (dir, change) = moment switch
        {
            GcMoment.FirstRepackedPackStored => ("data", WatcherChangeTypes.Created),
            GcMoment.FirstIndexObjectDeleted => ("index", WatcherChangeTypes.Deleted),
            _ => ("data", WatcherChangeTypes.Deleted),
        };

        var run = await RunUntilAsync(vault, Path.Combine(vault.Dir, dir), change, 1, "gc");
        if (moment == GcMoment.FirstRepackedPackStored)
        {
            Assert.True(run.ExitCode == CliResult.Killed, $"gc was not killed mid-way: {run}");
        }

        await AssertHoldsAsync(vault, new() { [kept] = keptDigest }, interrupted: null);
        (await vault.RunAsync("gc")).Succeeded();
        (await vault.RunAsync("verify")).Succeeded();
        Assert.Equal(keptDigest, await vault.RestoreAsync(kept, trees));
        AssertNoLeftovers(vault);
    }

    /// <summary>The dead process's lock and half-written temporary files are gone once the next runs have finished.</summary>
    private static void AssertNoLeftovers(CliVault vault)
    {
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(vault.Dir, "locks")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(vault.Dir, ".tmp")));
    }

    /// <summary>
    /// Runs a command and kills it with SIGKILL as soon as the <paramref name="nth"/> object is created
    /// in (or deleted from) <paramref name="watched"/>. The command may also finish first.
    /// </summary>
    private static async Task<CliResult> RunUntilAsync(CliVault vault, string watched, WatcherChangeTypes change, int nth, string command, params string[] args)
    {
        // The store creates data/<hh>/ on demand; with every fan-out directory present, no event is
        // lost while a watch on a new directory is being added.
        for (var i = 0; i < 256; i++)
        {
            Directory.CreateDirectory(Path.Combine(vault.Dir, "data", i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        using var watcher = new ObjectWatcher(watched, change, nth);
        using var process = vault.Start(command, args);
        var completion = ArcaProcess.CompleteAsync(process);
        _ = watcher.Fired.ContinueWith(_ => ArcaProcess.KillQuietly(process), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var result = await completion;
        watcher.Dispose();
        return result;
    }

    /// <summary>
    /// verify exits 0; list shows every committed recovery point and at most the interrupted one
    /// (when it committed before it was killed); each restores exactly.
    /// </summary>
    private async Task AssertHoldsAsync(CliVault vault, Dictionary<string, SortedDictionary<string, string>> committed, SortedDictionary<string, string>? interrupted)
    {
        (await vault.RunAsync("verify")).Succeeded();
        var listed = await vault.ListAsync();
        Assert.All(committed.Keys, id => Assert.Contains(id, listed));
        var others = listed.Except(committed.Keys).ToList();
        Assert.True(others.Count <= (interrupted is null ? 0 : 1), $"unexpected recovery points: {string.Join(", ", others)}");
        foreach (var id in listed)
        {
            Assert.Equal(committed.TryGetValue(id, out var digest) ? digest : interrupted, await vault.RestoreAsync(id, trees));
        }
    }
}
