using Arca.Storage.Restore;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// Damage to packs and the blobs in them is detected, reported with the recovery point and the file
/// it hits, and never restored: a damaged file is reported and removed, the rest is restored.
/// </summary>
public sealed class CorruptionTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_flipped_byte_in_a_data_blob_is_reported_with_recovery_point_file_and_pack()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var hit = s.Map.Files["docs/b.bin"][2];
        _f.Memory.FlipByte(hit.PackKey, hit.Middle);

        var report = await s.VerifyAsync();
        var error = Assert.Single(report.Errors, e => e.Path is not null);
        Assert.Equal((s.Id, "docs/b.bin"), (error.RecoveryPoint, error.Path));
        Assert.Contains(hit.PackKey, error.Reason, StringComparison.Ordinal);
        Assert.Contains(s.Id[..12], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_data_blob_fails_that_file_removes_it_and_restores_the_rest()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var hit = s.Map.Files["docs/b.bin"][2];
        _f.Memory.FlipByte(hit.PackKey, hit.Middle);

        var (result, target) = await s.RestoreAsync();
        var error = Assert.Single(result.Errors);
        Assert.Equal("docs/b.bin", error.Path);
        Assert.Contains("authentication failed", error.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "docs/b.bin")), "a file with unchecked data was left behind");
        Assert.Equal(s.SourceWithout(["docs/b.bin"]), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_damaged_file_fails_every_hard_link_to_it_too()
    {
        var s = await CorruptionScenario.CreateAsync(_f, src =>
        {
            TreeBuilder.File(src, "a", TreeBuilder.Random(100_000, 1));
            TreeBuilder.File(src, "z", TreeBuilder.Text(1_000, 2));
            Assert.Equal(0, Platform.Posix.Link(Path.Combine(src, "a"), Path.Combine(src, "b")));
        });
        var hit = s.Map.Files["a"][1];
        _f.Memory.FlipByte(hit.PackKey, hit.Middle);

        Assert.Equal(["a", "b"], s.PathsNamedBy(await s.VerifyAsync()));
        var (result, target) = await s.RestoreAsync();
        Assert.Equal(["a", "b"], result.Errors.Select(e => e.Path));
        Assert.Equal(s.SourceWithout(["a", "b"]), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_flipped_byte_in_a_pack_header_is_reported_and_every_file_still_restores_intact()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var pack = s.Map.Files["docs/b.bin"][0].PackKey;
        _f.Memory.FlipByte(pack, await _f.Memory.SizeAsync(pack) - 4 - 20);

        var report = await s.VerifyAsync();
        var error = Assert.Single(report.Errors);
        Assert.Equal(pack, error.Object);
        Assert.Contains("pack header", error.Reason, StringComparison.Ordinal);

        // Blobs are authenticated one by one: what restore writes is still exactly what was backed up.
        var (result, target) = await s.RestoreAsync();
        Assert.Empty(result.Errors);
        Assert.Equal(TreeBuilder.Describe(s.Source), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_truncated_pack_fails_exactly_the_files_whose_blobs_were_cut_off()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var pack = s.Map.Files["docs/b.bin"].Select(b => b.Pack).First(p => !s.Map.HoldsTrees(p));
        var key = Format.FormatIds.PackKey(pack);
        var kept = await _f.Memory.SizeAsync(key) / 2;
        _f.Memory.Truncate(key, kept);
        var expected = s.Map.FilesHit(b => b.Pack == pack && b.Entry.Offset + b.Entry.Length > kept);
        Assert.NotEmpty(expected);

        var report = await s.VerifyAsync();
        Assert.Equal(expected, s.PathsNamedBy(report));
        Assert.Contains(report.Errors, e => e.Object == key);

        var (result, target) = await s.RestoreAsync();
        Assert.Equal(expected, new SortedSet<string>(result.Errors.Select(e => e.Path), StringComparer.Ordinal));
        Assert.Equal(s.SourceWithout(expected), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_deleted_pack_fails_every_file_with_a_blob_in_it()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var pack = s.Map.Files["docs/b.bin"].Select(b => b.Pack).First(p => !s.Map.HoldsTrees(p));
        var key = Format.FormatIds.PackKey(pack);
        await _f.Memory.DeleteAsync(key);
        var expected = s.Map.FilesHit(b => b.Pack == pack);

        var report = await s.VerifyAsync();
        Assert.Equal(expected, s.PathsNamedBy(report));
        Assert.Contains(report.Errors, e => e.Object == key && e.Reason.Contains("missing", StringComparison.Ordinal));

        var (result, target) = await s.RestoreAsync();
        Assert.Equal(expected, new SortedSet<string>(result.Errors.Select(e => e.Path), StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains(key, e.Reason, StringComparison.Ordinal));
        Assert.Equal(s.SourceWithout(expected), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_flipped_byte_in_a_tree_blob_is_reported_with_its_directory()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var tree = s.Map.Directories["sub/deeper"];
        _f.Memory.FlipByte(tree.PackKey, tree.Middle);

        var report = await s.VerifyAsync();
        Assert.Equal(["sub/deeper"], s.PathsNamedBy(report));
        var error = Assert.Single(report.Errors, e => e.Path is not null);
        Assert.Contains("authentication failed", error.Reason, StringComparison.Ordinal);
        Assert.Contains(s.Id[..12] + " file sub/deeper", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_tree_fails_its_directory_and_the_rest_is_restored()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var tree = s.Map.Directories["sub/deeper"];
        _f.Memory.FlipByte(tree.PackKey, tree.Middle);

        var (result, target) = await s.RestoreAsync();
        var error = Assert.Single(result.Errors);
        Assert.Equal("sub/deeper", error.Path);
        Assert.Equal(s.SourceWithout(["sub/deeper/d.bin"]), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task A_damaged_root_tree_stops_the_restore_naming_the_recovery_point()
    {
        var s = await CorruptionScenario.CreateAsync(_f);
        var tree = s.Map.Directories["."];
        _f.Memory.FlipByte(tree.PackKey, tree.Middle);

        var e = await Assert.ThrowsAsync<RestoreException>(() => s.RestoreAsync());
        Assert.Contains(s.RecoveryPoint.Short(), e.Message, StringComparison.Ordinal);
        Assert.Contains("authentication failed", e.Message, StringComparison.Ordinal);
        Assert.Equal(["."], s.PathsNamedBy(await s.VerifyAsync()));
    }
}
