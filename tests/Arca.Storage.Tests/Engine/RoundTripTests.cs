using Arca.Storage.Backup;
using Arca.Storage.Restore;

namespace Arca.Storage.Tests.Engine;

public sealed class RoundTripTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_tree_with_every_kind_of_entry_restores_identically()
    {
        var src = _f.Source();
        TreeBuilder.File(src, "a.txt", TreeBuilder.Text(100_000, 1), 1_700_000_000);
        TreeBuilder.File(src, "bin/random.dat", TreeBuilder.Random(300_000, 2), 1_700_000_100);
        TreeBuilder.File(src, "bin/empty", [], 1_700_000_200);
        TreeBuilder.File(src, "deep/er/and/deeper/x", TreeBuilder.Random(10, 3));
        Directory.CreateDirectory(Path.Combine(src, "empty-dir"));
        File.CreateSymbolicLink(Path.Combine(src, "link-to-a"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(src, "dangling"), "/nowhere/at/all");
        File.SetUnixFileMode(Path.Combine(src, "bin/random.dat"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        File.SetUnixFileMode(Path.Combine(src, "deep"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.SetGroup);
        Assert.Equal(0, Platform.Posix.Link(Path.Combine(src, "a.txt"), Path.Combine(src, "bin/hardlink-to-a")));

        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        Assert.False(result.Manifest.Partial);

        var target = _f.Dir.Sub("restored");
        var restored = await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }
}
