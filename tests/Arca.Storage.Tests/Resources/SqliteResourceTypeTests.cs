using Arca.Storage.Backup;
using Arca.Storage.Blobs;
using Arca.Storage.Resources;
using Microsoft.Data.Sqlite;

namespace Arca.Storage.Tests.Resources;

public sealed class SqliteResourceTypeTests : ResourceTypeConformance
{
    private readonly List<SqliteConnection> _open = [];

    public SqliteResourceTypeTests()
    {
        Directory.CreateDirectory(Scratch);
        Type = new SqliteResourceType(new ResourceTypeOptions { ScratchDirectory = Scratch });
    }

    protected override IResourceType Type { get; }

    protected override string ExpectedName => "SQLite";

    protected override IReadOnlyList<string> ExpectedMetadataKeys => ["TargetPath", "Overwrite"];

    private string Scratch => Fixture.Dir.Sub("scratch");

    public override void Dispose()
    {
        foreach (var connection in _open)
        {
            connection.Dispose();
        }

        base.Dispose();
    }

    protected override Task<ResourceDefinition> CreateSourceAsync(int seed)
    {
        var path = Fixture.Dir.Sub($"source{seed}.sqlite");
        _open.Add(SqliteData.Create(path, seed));
        return Task.FromResult(ResourceDefinition.ForSqlite(path));
    }

    protected override Task<string> DescribeSourceAsync(ResourceDefinition source) => Task.FromResult(SqliteData.Describe(source.Path!));

    protected override Task<string> DescribeRestoredAsync(string restoredTo) => Task.FromResult(SqliteData.Describe(restoredTo));

    protected override Dictionary<string, string> NewTargetMetadata(string name) => new() { ["TargetPath"] = Fixture.Dir.Sub($"restored/{name}.sqlite") };

    protected override Task<string> CreateExistingTargetAsync(string name)
    {
        var path = NewTargetMetadata(name)["TargetPath"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = SqliteData.Open(path);
        SqliteData.Execute(connection, "CREATE TABLE other (x TEXT); INSERT INTO other VALUES ('precious')");
        return Task.FromResult(path);
    }

    protected override IEnumerable<(ResourceDefinition Definition, string Field)> InvalidDefinitions()
    {
        var text = Fixture.Dir.Sub("not-a-database.txt");
        File.WriteAllText(text, new string('x', 5000));
        yield return (new ResourceDefinition { Type = "SQLite" }, "Path");
        yield return (ResourceDefinition.ForSqlite("db.sqlite"), "Path");
        yield return (ResourceDefinition.ForSqlite(Fixture.Dir.Sub("missing.sqlite")), "Path");
        yield return (ResourceDefinition.ForSqlite(Fixture.Dir.Path), "Path");
        yield return (ResourceDefinition.ForSqlite(text), "Path");
        yield return (ResourceDefinition.ForSqlite(text) with { ConnectionString = "Data Source=x" }, "ConnectionString");
    }

    protected override IEnumerable<(Dictionary<string, string> Metadata, string Key)> InvalidMetadata()
    {
        yield return (new() { ["TargetPath"] = "restored.sqlite" }, "TargetPath");
    }

    protected override IEnumerable<ResourceDefinition> UnreadableSources()
    {
        var text = Fixture.Dir.Sub("garbage.sqlite");
        File.WriteAllText(text, new string('x', 5000));
        yield return ResourceDefinition.ForSqlite(Fixture.Dir.Sub("missing.sqlite"));
        yield return ResourceDefinition.ForSqlite(text);
    }

    [Theory]
    [InlineData("wal")]
    [InlineData("delete")]
    public async Task A_copy_taken_while_another_connection_writes_is_consistent_and_holds_a_prefix_of_the_writes(string journalMode)
    {
        var path = Fixture.Dir.Sub("busy.sqlite");
        using (var setup = SqliteData.Create(path, 30, journalMode))
        {
            SqliteData.Execute(setup, "CREATE TABLE seq (n INTEGER PRIMARY KEY, pad BLOB); CREATE TABLE mirror (n INTEGER PRIMARY KEY)");
        }

        var vault = await Fixture.InitAsync();
        using var writer = new SequenceWriter(path);
        await writer.WrittenAsync(50);
        var before = writer.Written;
        var backup = await Type.BackupAsync(vault, ResourceDefinition.ForSqlite(path), new BackupOptions());
        await writer.WrittenAsync(writer.Written + 20);
        var final = await writer.StopAsync();

        var restored = await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, NewTargetMetadata("busy"));
        using var copy = SqliteData.Open(restored.RestoredTo, SqliteOpenMode.ReadOnly);
        Assert.Equal("ok", SqliteData.Scalar(copy, "PRAGMA integrity_check"));
        Assert.Equal(journalMode, SqliteData.Scalar(copy, "PRAGMA journal_mode"));
        var count = (long)SqliteData.Scalar(copy, "SELECT count(*) FROM seq")!;
        Assert.Equal(count, (long)SqliteData.Scalar(copy, "SELECT coalesce(max(n), 0) FROM seq")!);
        Assert.Equal(count, (long)SqliteData.Scalar(copy, "SELECT count(*) FROM mirror JOIN seq USING (n)")!);
        Assert.Equal(count, (long)SqliteData.Scalar(copy, "SELECT count(*) FROM mirror")!);
        Assert.InRange(count, before, final);
    }

    [Theory]
    [InlineData("wal")]
    [InlineData("delete")]
    public async Task A_backup_changes_nothing_beside_a_closed_database(string journalMode)
    {
        var dir = Fixture.Source("closed");
        var path = Path.Combine(dir, "db.sqlite");
        SqliteData.Create(path, 37, journalMode).Dispose();
        var before = TreeBuilder.Describe(dir, withRoot: false);

        var vault = await Fixture.InitAsync();
        await Type.BackupAsync(vault, ResourceDefinition.ForSqlite(path), new BackupOptions());
        // The directory's own mtime may change: SQLite creates and removes -wal/-shm for any WAL reader.
        Assert.Equal(before, TreeBuilder.Describe(dir, withRoot: false));
    }

    [Fact]
    public async Task The_scratch_copy_is_removed_after_a_backup_and_after_a_failed_one()
    {
        var source = await CreateSourceAsync(31);
        var vault = await Fixture.InitAsync();
        await Type.BackupAsync(vault, source, new BackupOptions());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));

        var faulty = new FaultInjectingBlobStore(new MemoryBlobStore());
        var failing = await Fixture.InitAsync(faulty);
        faulty.CrashAfterWrites = faulty.Writes + 1;
        await Assert.ThrowsAnyAsync<Exception>(() => Type.BackupAsync(failing, source, new BackupOptions()));
        Assert.True(faulty.Crashed);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));
    }

    [Fact]
    public async Task A_restored_database_that_fails_the_integrity_check_is_never_put_in_place()
    {
        var tree = Fixture.Source("corrupt");
        var db = Path.Combine(tree, "database.sqlite");
        SqliteData.Create(db, 32, "delete").Dispose();
        await using (var file = new FileStream(db, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096 * 20;
            await file.WriteAsync(TreeBuilder.Random(4096 * 10, 32));
        }

        File.WriteAllText(Path.Combine(tree, "resource.json"), $$"""{"version":1,"type":"SQLite","file":"database.sqlite","size":{{new FileInfo(db).Length}}}""");
        var vault = await Fixture.InitAsync();
        var options = new BackupOptions { Tags = new Dictionary<string, string> { [ResourceTags.ResourceType] = "SQLite" } };
        var backup = await DirectoryBackup.RunAsync(vault, tree, options);

        var metadata = NewTargetMetadata("corrupt");
        var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
        Assert.Contains("integrity_check", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(metadata["TargetPath"]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(metadata["TargetPath"])!));
    }

    [Fact]
    public async Task Overwrite_removes_the_stale_journal_and_wal_of_the_replaced_database()
    {
        var source = await CreateSourceAsync(33);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        var target = await CreateExistingTargetAsync("stale");
        File.WriteAllText(target + "-wal", "stale wal of the old database");
        File.WriteAllText(target + "-journal", "stale journal of the old database");

        var metadata = NewTargetMetadata("stale");
        metadata["Overwrite"] = "true";
        await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata);
        Assert.False(File.Exists(target + "-journal"));
        Assert.Equal(SqliteData.Describe(source.Path!), SqliteData.Describe(target));
    }

    [Fact]
    public async Task A_leftover_wal_at_the_target_is_refused_without_overwrite()
    {
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, await CreateSourceAsync(34), new BackupOptions());
        var metadata = NewTargetMetadata("leftover");
        Directory.CreateDirectory(Path.GetDirectoryName(metadata["TargetPath"])!);
        File.WriteAllText(metadata["TargetPath"] + "-wal", "someone's wal");

        var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
        Assert.Contains("-wal already exists", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(metadata["TargetPath"]));
    }

    [Fact]
    public async Task The_restored_file_keeps_the_permissions_of_the_original()
    {
        var source = await CreateSourceAsync(35);
        File.SetUnixFileMode(source.Path!, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());

        var restored = await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, NewTargetMetadata("mode"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(restored.RestoredTo));
    }

    [Fact]
    public async Task The_recovery_point_holds_the_database_and_its_description_and_points_at_the_original()
    {
        var source = await CreateSourceAsync(36);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());

        await vault.Reader.LoadIndexAsync();
        var tree = await vault.Reader.LoadTreeAsync(backup.Manifest.Tree);
        Assert.Equal(["database.sqlite", "resource.json"], tree.Nodes.Select(n => n.Name));
        Assert.Equal(source.Path, Type.GetRestoreMetadata(backup.Manifest)["TargetPath"]);
        Assert.False(string.IsNullOrEmpty(backup.Manifest.Tags[ResourceTags.SqliteVersion]));
    }

    /// <summary>Writes rows 1, 2, 3… to seq and mirror, one transaction each, until stopped.</summary>
    private sealed class SequenceWriter : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly Lock _gate = new();
        private readonly List<(long Count, TaskCompletionSource Reached)> _waiters = [];
        private long _written;

        public SequenceWriter(string path) => _loop = Task.Run(() => Loop(path));

        public long Written => Interlocked.Read(ref _written);

        /// <summary>Completes once at least <paramref name="count"/> rows are committed.</summary>
        public Task WrittenAsync(long count)
        {
            lock (_gate)
            {
                if (Written >= count || _loop.IsCompleted)
                {
                    return _loop.IsFaulted ? _loop : Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public async Task<long> StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            return Written;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }

        private void Loop(string path)
        {
            try
            {
                using var connection = SqliteData.Open(path, SqliteOpenMode.ReadWrite);
                SqliteData.Execute(connection, "PRAGMA busy_timeout = 60000");
                for (var n = 1L; !_stop.IsCancellationRequested; n++)
                {
                    using (var tx = connection.BeginTransaction())
                    {
                        SqliteData.Execute(connection, "INSERT INTO seq VALUES ($n, randomblob(2000))", ("$n", n));
                        SqliteData.Execute(connection, "INSERT INTO mirror VALUES ($n)", ("$n", n));
                        tx.Commit();
                    }

                    Interlocked.Exchange(ref _written, n);
                    Release(n);
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _waiters.ForEach(w => w.Reached.TrySetException(e));
                }

                throw;
            }
        }

        private void Release(long written)
        {
            lock (_gate)
            {
                foreach (var waiter in _waiters.Where(w => w.Count <= written).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
