using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Restore;

namespace Arca.Storage.Tests.Engine;

public sealed class IncrementalTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Unchanged_files_are_not_read_again_and_add_no_data()
    {
        var src = _f.Source();
        for (var i = 0; i < 20; i++)
        {
            TreeBuilder.File(src, $"d{i % 4}/f{i}", TreeBuilder.Random(20_000 + i, i));
        }

        var vault = await _f.InitAsync();
        var first = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        var progress = new BackupProgress();
        var second = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parent = first.RecoveryPointId, Progress = progress });

        var s = second.Manifest.Summary;
        Assert.Equal((0L, 0L, 20L), (s.FilesNew, s.FilesChanged, s.FilesUnmodified));
        Assert.Equal(0, s.DataAdded);
        Assert.Equal(0, progress.BytesStored);
        Assert.Equal(first.Manifest.Tree, second.Manifest.Tree);
        Assert.Equal(first.RecoveryPointId.ToString(), second.Manifest.Parent);
    }

    [Fact]
    public async Task Unchanged_subtrees_keep_their_ids_while_directories_come_and_go_in_a_wide_parent()
    {
        // More directories than the walk loads ahead of itself, some removed and some added between
        // the backups, and one file changed deep inside one of them.
        var src = _f.Source();
        for (var d = 0; d < 30; d++)
        {
            TreeBuilder.File(src, $"wide/d{d:D2}/sub/f", TreeBuilder.Random(3000 + d, d));
            TreeBuilder.File(src, $"wide/d{d:D2}/g", TreeBuilder.Random(100 + d, 100 + d));
        }

        var vault = await _f.InitAsync();
        var first = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        foreach (var d in new[] { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20 })
        {
            Directory.Delete(Path.Combine(src, "wide", $"d{d:D2}"), recursive: true);
        }

        TreeBuilder.File(src, "wide/d13a/new", TreeBuilder.Random(500, 1));
        TreeBuilder.File(src, "wide/d25/sub/f", TreeBuilder.Random(4000, 2));
        var expected = TreeBuilder.Describe(src);
        var second = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parent = first.RecoveryPointId });

        await vault.Reader.LoadIndexAsync();
        var before = await SubtreeIdsAsync(vault, first.Manifest.Tree);
        var after = await SubtreeIdsAsync(vault, second.Manifest.Tree);
        foreach (var d in new[] { 0, 1, 2, 13, 14, 19, 21, 24, 26, 29 })
        {
            Assert.Equal(before[$"d{d:D2}"], after[$"d{d:D2}"]);
        }

        Assert.NotEqual(before["d25"], after["d25"]);
        Assert.DoesNotContain("d03", after.Keys);
        Assert.Equal((1L, 1L), (second.Manifest.Summary.FilesNew, second.Manifest.Summary.FilesChanged));
        var target = _f.Dir.Sub("out");
        var restored = await DirectoryRestore.RunAsync(vault.Reader, second.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(expected, TreeBuilder.Describe(target));
    }

    private static async Task<Dictionary<string, BlobId?>> SubtreeIdsAsync(Repository.Vault vault, BlobId root)
    {
        var top = await vault.Reader.LoadTreeAsync(root);
        var wide = await vault.Reader.LoadTreeAsync(top.Nodes.Single(n => n.Name == "wide").Subtree!.Value);
        return wide.Nodes.ToDictionary(n => n.Name, n => n.Subtree);
    }

    [Fact]
    public async Task Only_changed_files_are_read_and_only_new_chunks_are_stored()
    {
        var src = _f.Source();
        var big = TreeBuilder.Random(400_000, 7);
        TreeBuilder.File(src, "big", big);
        TreeBuilder.File(src, "same", TreeBuilder.Random(50_000, 8));
        var vault = await _f.InitAsync();
        var first = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());

        big[200_000] ^= 0xff; // one byte in the middle: one or two chunks change
        TreeBuilder.File(src, "big", big);
        TreeBuilder.File(src, "added", TreeBuilder.Random(1000, 9));
        var second = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parent = first.RecoveryPointId });

        var s = second.Manifest.Summary;
        Assert.Equal((1L, 1L, 1L), (s.FilesNew, s.FilesChanged, s.FilesUnmodified));
        Assert.InRange(s.DataAdded, 1000, 1000 + (2 * VaultFixture.SmallOptions.Chunker.Max));
        var target = _f.Dir.Sub("out");
        await DirectoryRestore.RunAsync(vault.Reader, second.RecoveryPointId, target, new RestoreOptions());
        Assert.Equal(big, File.ReadAllBytes(Path.Combine(target, "big")));
    }

    [Fact]
    public async Task A_file_whose_ctime_changed_is_read_again()
    {
        var src = _f.Source();
        TreeBuilder.File(src, "f", TreeBuilder.Random(5000, 1));
        var vault = await _f.InitAsync();
        var first = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        File.SetUnixFileMode(Path.Combine(src, "f"), UnixFileMode.UserRead);
        var second = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parent = first.RecoveryPointId });
        Assert.Equal(1, second.Manifest.Summary.FilesChanged);
    }

    [Fact]
    public async Task Deduplication_stores_repeated_content_once()
    {
        var src = _f.Source();
        var data = TreeBuilder.Random(200_000, 3);
        for (var i = 0; i < 5; i++)
        {
            TreeBuilder.File(src, $"copy{i}", data);
        }

        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        Assert.InRange(result.Manifest.Summary.DataAdded, 200_000, 201_000);
    }

    [Fact]
    public async Task A_large_zero_filled_file_restores_sparse()
    {
        var src = _f.Source();
        var path = Path.Combine(src, "sparse");
        using (var fs = new FileStream(path, FileMode.CreateNew))
        {
            fs.SetLength(64L * 1024 * 1024);
            fs.Position = 10 * 1024 * 1024;
            fs.Write(TreeBuilder.Random(1000, 1));
        }

        var vault = await _f.InitAsync(options: VaultFixture.SmallOptions with { PackSize = 1024 * 1024 });
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        Assert.InRange(result.Manifest.Summary.DataAdded, 1000, 200_000);
        var target = _f.Dir.Sub("out");
        await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions());
        var restored = Path.Combine(target, "sparse");
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
        Assert.Equal(0, Platform.Posix.LStat(restored, out var st));
        Assert.True(st.Blocks * 512 < 4 * 1024 * 1024, $"restored file uses {st.Blocks * 512} bytes on disk");
    }

    [Fact]
    public async Task Recovery_point_tags_and_source_are_recorded()
    {
        var src = _f.Source();
        TreeBuilder.File(src, "x", [1, 2, 3]);
        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Tags = new Dictionary<string, string> { ["k"] = "v" }, Hostname = "h1" });
        var listed = await vault.Reader.ListRecoveryPointsAsync();
        var manifest = Assert.Single(listed).Manifest;
        Assert.Equal("v", manifest.Tags["k"]);
        Assert.Equal("h1", manifest.Hostname);
        Assert.Equal(Path.GetFullPath(src), manifest.Source);
        Assert.Equal(result.RecoveryPointId, await vault.Reader.ResolveRecoveryPointAsync("latest"));
        Assert.Equal(result.RecoveryPointId, await vault.Reader.ResolveRecoveryPointAsync(result.RecoveryPointId.ToString()[..10]));
        _ = BlobId.Parse(result.RecoveryPointId.ToString());
    }
}
