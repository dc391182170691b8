using Arca.Storage.Format;
using Arca.Storage.Maintenance;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>A damaged or lost index object is reported with the recovery points and files whose blobs it listed.</summary>
public sealed class IndexCorruptionTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_corrupt_index_object_is_named_by_verify_with_the_files_it_listed_and_stops_restore()
    {
        var s = await CorruptionScenario.CreateAsync(_f, CorruptionScenario.PopulateBig);
        var (key, files) = await DataOnlyIndexObjectAsync(s);
        _f.Memory.FlipByte(key, 100);

        var report = await s.VerifyAsync();
        Assert.Contains(report.Errors, e => e.Object == key && e.Reason.Contains("corrupt", StringComparison.Ordinal));
        Assert.Equal(files, s.PathsNamedBy(report));

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(() => s.RestoreAsync());
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_index_object_fails_the_files_it_listed_and_the_rest_is_restored()
    {
        var s = await CorruptionScenario.CreateAsync(_f, CorruptionScenario.PopulateBig);
        var (key, files) = await DataOnlyIndexObjectAsync(s);
        await _f.Memory.DeleteAsync(key);

        Assert.Equal(files, s.PathsNamedBy(await s.VerifyAsync()));
        var (result, target) = await s.RestoreAsync();
        Assert.Equal(files, new SortedSet<string>(result.Errors.Select(e => e.Path), StringComparer.Ordinal));
        Assert.Equal(s.SourceWithout(files), TreeBuilder.Describe(target));
    }

    [Fact]
    public async Task Gc_refuses_to_run_when_blobs_a_recovery_point_needs_are_not_indexed()
    {
        // The packs are intact and their headers could rebuild the index: gc must not take them for garbage.
        var s = await CorruptionScenario.CreateAsync(_f, CorruptionScenario.PopulateBig);
        var (key, _) = await DataOnlyIndexObjectAsync(s);
        await _f.Memory.DeleteAsync(key);
        var before = await _f.Memory.KeysAsync(string.Empty);

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(), new GcOptions()));
        Assert.Contains("not in the index", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _f.Memory.KeysAsync(string.Empty));
    }

    [Fact]
    public async Task Gc_refuses_to_run_on_a_corrupt_index_object()
    {
        var s = await CorruptionScenario.CreateAsync(_f, CorruptionScenario.PopulateBig);
        var (key, _) = await DataOnlyIndexObjectAsync(s);
        _f.Memory.FlipByte(key, 100);
        var before = await _f.Memory.KeysAsync(string.Empty);

        var e = await Assert.ThrowsAsync<VaultCorruptionException>(async () => await GarbageCollector.RunAsync(await _f.OpenAsync(), new GcOptions()));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _f.Memory.KeysAsync(string.Empty));
    }

    /// <summary>The index object that lists no tree blob, and the files with a blob it lists.</summary>
    private async Task<(string Key, SortedSet<string> Files)> DataOnlyIndexObjectAsync(CorruptionScenario s)
    {
        var reader = (await _f.OpenAsync()).Reader;
        var keys = await _f.Memory.KeysAsync(FormatIds.IndexPrefix);
        Assert.True(keys.Count >= 2, $"the scenario wrote {keys.Count} index objects");
        foreach (var key in keys)
        {
            var packs = await reader.ReadIndexObjectAsync(VaultReader.ParseObjectId(key, FormatIds.IndexPrefix));
            if (packs.All(p => p.Entries.All(e => e.Kind == BlobKind.Data)))
            {
                var listed = packs.SelectMany(p => p.Entries).Select(e => e.Id).ToHashSet();
                return (key, s.Map.FilesHit(b => listed.Contains(b.Blob)));
            }
        }

        throw new InvalidOperationException("every index object lists a tree");
    }
}
