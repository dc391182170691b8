using Arca.Storage.Backup;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

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

    [Fact]
    public async Task A_tree_larger_than_a_pack_buffer_gets_a_pack_of_its_own()
    {
        // Small chunks (4 KiB on average) make a 32 MB file's tree list about 8,000 chunk ids: well over
        // the small vault's pack buffer once sealed.
        var src = _f.Source();
        TreeBuilder.File(src, "big.bin", TreeBuilder.Random(32_000_000, 7));
        TreeBuilder.File(src, "small.txt", TreeBuilder.Text(5_000, 8));
        var vault = await _f.InitAsync();

        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());

        var reader = await _f.OpenAsync();
        await reader.Reader.LoadIndexAsync();
        var largestTree = reader.Reader.Index.ByPack().SelectMany(p => p.Entries).Where(e => e.Kind == Format.BlobKind.Tree).Max(e => e.Length);
        Assert.True(largestTree > 160_000, $"largest tree {largestTree} bytes"); // above the small vault's 144 KiB pack buffer
        Assert.Empty((await VaultVerifier.RunAsync(reader.Reader, null, 2)).Errors);
        var target = _f.Dir.Sub("restored");
        var restored = await DirectoryRestore.RunAsync(reader.Reader, result.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task Thousands_of_tiny_blobs_are_spread_over_packs_whose_headers_fit()
    {
        // 3,000 directories, each with one empty file of its own name: 3,000 different tree blobs of a
        // few hundred bytes. Their pack headers (42 bytes a blob) outgrow the room a 512 KiB pack's
        // buffer has beyond the pack size before the blobs reach the pack size.
        var src = _f.Source();
        for (var i = 0; i < 3000; i++)
        {
            TreeBuilder.File(src, $"d{i / 100:D2}/e{i:D4}/f{i:D4}", []);
        }

        var options = VaultFixture.SmallOptions with { PackSize = 512 * 1024 };
        var vault = await _f.InitAsync(options: options);
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions());

        var reader = await _f.OpenAsync();
        await reader.Reader.LoadIndexAsync();
        var packs = reader.Reader.Index.ByPack().ToList();
        Assert.True(packs.Count > 1);
        var buffer = options.PackSize + Repository.BlobCodec.SealedBound(options.Chunker.Max) + (1 << 16);
        Assert.All(packs, p => Assert.True(p.Entries.Sum(e => e.Length) + 8 + (p.Entries.Count * Format.PackHeader.EntrySize) + 32 <= buffer));
        var target = _f.Dir.Sub("restored");
        var restored = await DirectoryRestore.RunAsync(reader.Reader, result.RecoveryPointId, target, new RestoreOptions());
        Assert.Empty(restored.Errors);
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }
}
