using Arca.Storage.Backup;
using Arca.Storage.Restore;

namespace Arca.Storage.Tests.Engine;

/// <summary>Entries that cannot be captured are reported and mark the recovery point partial — never a silent gap, never a crash.</summary>
public sealed class PartialBackupTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_file_another_process_holds_an_exclusive_lock_on_is_backed_up()
    {
        var src = _f.Source();
        var content = TreeBuilder.Random(70_000, 5);
        TreeBuilder.File(src, "db", content);
        var lockedPath = Path.Combine(src, "db");

        // .NET's FileShare.None takes flock(LOCK_EX), as a database or an editor may hold it.
        using (var locked = new FileStream(lockedPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var vault = await _f.InitAsync();
            var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
            Assert.False(result.Manifest.Partial, string.Join("; ", result.Manifest.Problems.Select(p => $"{p.Path}: {p.Reason}")));

            var target = _f.Dir.Sub("out");
            await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions());
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(target, "db")));
        }
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_and_the_rest_is_backed_up()
    {
        if (Platform.Posix.IsRoot)
        {
            // root reads files whatever their mode; a FIFO stands in as an entry whose content is skipped.
            return;
        }

        var src = _f.Source();
        TreeBuilder.File(src, "ok", [1]);
        TreeBuilder.File(src, "secret", [2]);
        File.SetUnixFileMode(Path.Combine(src, "secret"), UnixFileMode.None);
        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        Assert.True(result.Manifest.Partial);
        var problem = Assert.Single(result.Manifest.Problems);
        Assert.Equal("secret", problem.Path);
    }

    [Fact]
    public async Task An_unlistable_directory_is_reported()
    {
        if (Platform.Posix.IsRoot)
        {
            return;
        }

        var src = _f.Source();
        TreeBuilder.File(src, "locked/inner", [1]);
        File.SetUnixFileMode(Path.Combine(src, "locked"), UnixFileMode.None);
        try
        {
            var vault = await _f.InitAsync();
            var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
            Assert.True(result.Manifest.Partial);
            Assert.Contains(result.Manifest.Problems, p => p.Path == "locked");
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(src, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_file_that_grows_while_it_is_read_is_reported_as_changed()
    {
        var src = _f.Source();
        var path = Path.Combine(src, "growing.log");
        TreeBuilder.File(src, "growing.log", TreeBuilder.Random(100_000, 1));
        TreeBuilder.File(src, "steady", [1, 2, 3]);
        var vault = await _f.InitAsync();

        // A writer appends right after the backup has read the file, before it checks the file again.
        var options = new BackupOptions
        {
            AfterFileRead = rel =>
            {
                if (rel == "growing.log")
                {
                    File.AppendAllText(path, "one more line\n");
                }
            },
        };
        var result = await DirectoryBackup.RunAsync(vault, src, options);

        Assert.True(result.Manifest.Partial);
        Assert.Contains(result.Manifest.Problems, p => p.Path == "growing.log" && p.Reason.Contains("changed", StringComparison.Ordinal));
        var target = _f.Dir.Sub("out");
        var restored = await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(src, "steady")), File.ReadAllBytes(Path.Combine(target, "steady")));
    }

    [Fact]
    public async Task Special_files_are_backed_up_and_fifos_restored()
    {
        var src = _f.Source();
        Assert.Equal(0, Platform.Posix.Mknod(Path.Combine(src, "pipe"), 0x1000 | 0x1A4, 0));
        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());
        Assert.False(result.Manifest.Partial);
        var target = _f.Dir.Sub("out");
        var restored = await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(0, Platform.Posix.LStat(Path.Combine(target, "pipe"), out var st));
        Assert.Equal(0x1000, st.FileType);
    }

    [Fact]
    public async Task A_missing_source_is_a_clear_error()
    {
        var vault = await _f.InitAsync();
        var e = await Assert.ThrowsAsync<Repository.VaultException>(() => DirectoryBackup.RunAsync(vault, _f.Dir.Sub("nope"), new BackupOptions()));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }
}
