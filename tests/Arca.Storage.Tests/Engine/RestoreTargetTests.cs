using System.Text;
using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Restore;

namespace Arca.Storage.Tests.Engine;

/// <summary>What a restore does with what is already at its target: symlinks in the way are replaced, never followed.</summary>
public sealed class RestoreTargetTests : IDisposable
{
    private readonly VaultFixture _f = new();
    private readonly string _outside;
    private readonly string _target;

    public RestoreTargetTests()
    {
        _outside = _f.Dir.Sub("outside");
        _target = _f.Dir.Sub("target");
        TreeBuilder.File(_outside, "keep.txt", Encoding.UTF8.GetBytes("must stay"));
        TreeBuilder.File(_outside, "secret", Encoding.UTF8.GetBytes("must not be overwritten"));
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Symlinks_in_the_way_in_a_non_empty_target_are_replaced_and_never_followed()
    {
        var (rp, src) = await BackUpAsync();
        Directory.CreateDirectory(_target);
        File.CreateSymbolicLink(Path.Combine(_target, "d"), _outside);
        File.CreateSymbolicLink(Path.Combine(_target, "g.txt"), Path.Combine(_outside, "secret"));
        var before = TreeBuilder.Describe(_outside);

        var result = await RestoreAsync(rp, overwrite: true);

        Assert.Empty(result.Errors);
        Assert.Equal(before, TreeBuilder.Describe(_outside));
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(_target));
        Assert.Null(new DirectoryInfo(Path.Combine(_target, "d")).LinkTarget);
        Assert.Null(new FileInfo(Path.Combine(_target, "g.txt")).LinkTarget);
    }

    [Fact]
    public async Task A_directory_in_the_way_is_removed_without_following_the_symlinks_inside_it()
    {
        var (rp, src) = await BackUpAsync();
        Directory.CreateDirectory(Path.Combine(_target, "g.txt"));
        File.CreateSymbolicLink(Path.Combine(_target, "g.txt", "into-outside"), _outside);
        File.CreateSymbolicLink(Path.Combine(_target, "g.txt", "secret"), Path.Combine(_outside, "secret"));
        var before = TreeBuilder.Describe(_outside);

        var result = await RestoreAsync(rp, overwrite: true);

        Assert.Empty(result.Errors);
        Assert.Equal(before, TreeBuilder.Describe(_outside));
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(_target));
    }

    [Fact]
    public async Task A_target_that_is_a_symlink_is_refused()
    {
        var (rp, _) = await BackUpAsync();
        File.CreateSymbolicLink(_target, _outside);
        var before = TreeBuilder.Describe(_outside);

        var e = await Assert.ThrowsAsync<RestoreException>(() => RestoreAsync(rp, overwrite: true));
        Assert.Contains($"restore target {_target} is a symlink", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, TreeBuilder.Describe(_outside));
    }

    [Fact]
    public async Task A_non_empty_target_without_overwrite_is_refused_and_left_alone()
    {
        var (rp, _) = await BackUpAsync();
        TreeBuilder.File(_target, "g.txt", Encoding.UTF8.GetBytes("mine"));
        var before = TreeBuilder.Describe(_target);

        var e = await Assert.ThrowsAsync<RestoreException>(() => RestoreAsync(rp, overwrite: false));
        Assert.Contains($"restore target {_target} is not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, TreeBuilder.Describe(_target));
    }

    [Fact]
    public async Task A_target_that_is_a_file_is_refused()
    {
        var (rp, _) = await BackUpAsync();
        File.WriteAllBytes(_target, [1]);

        var e = await Assert.ThrowsAsync<RestoreException>(() => RestoreAsync(rp, overwrite: true));
        Assert.Contains("exists and is not a directory", e.Message, StringComparison.Ordinal);
        Assert.Equal([1], File.ReadAllBytes(_target));
    }

    private async Task<(BlobId Id, string Source)> BackUpAsync()
    {
        var src = _f.Source();
        TreeBuilder.File(src, "d/f.txt", TreeBuilder.Text(10_000, 1));
        TreeBuilder.File(src, "d/keep.txt", TreeBuilder.Text(100, 2));
        TreeBuilder.File(src, "g.txt", TreeBuilder.Random(5_000, 3));
        var vault = await _f.InitAsync();
        return ((await DirectoryBackup.RunAsync(vault, src, new BackupOptions())).RecoveryPointId, src);
    }

    private async Task<RestoreResult> RestoreAsync(BlobId rp, bool overwrite) =>
        await DirectoryRestore.RunAsync((await _f.OpenAsync()).Reader, rp, _target, new RestoreOptions { Overwrite = overwrite });
}
