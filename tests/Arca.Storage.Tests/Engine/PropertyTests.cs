using Arca.Storage.Backup;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Storage.Tests.Engine;

/// <summary>Random trees round-trip exactly, also through chains of incremental backups.</summary>
public sealed class PropertyTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_trees_restore_identically(int seed)
    {
        var src = _f.Source();
        new RandomTree(seed).Build(src, entries: 60);
        var vault = await _f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parallelism = 1 + (seed % 3) });
        Assert.False(result.Manifest.Partial, string.Join("; ", result.Manifest.Problems));

        var target = _f.Dir.Sub("out");
        var restored = await DirectoryRestore.RunAsync(vault.Reader, result.RecoveryPointId, target, new RestoreOptions { Parallelism = 1 + (seed % 2) });
        Assert.Empty(restored.Errors);
        Assert.Equal(TreeBuilder.Describe(src), TreeBuilder.Describe(target));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    public async Task A_chain_of_incremental_backups_restores_every_version(int seed)
    {
        var src = _f.Source();
        var tree = new RandomTree(seed);
        tree.Build(src, entries: 50);
        var vault = await _f.InitAsync();
        var versions = new List<(Format.BlobId Id, SortedDictionary<string, string> Expected)>();
        Format.BlobId? parent = null;
        for (var round = 0; round < 4; round++)
        {
            var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parent = parent });
            versions.Add((result.RecoveryPointId, TreeBuilder.Describe(src)));
            parent = result.RecoveryPointId;
            tree.Mutate(src, changes: 8);
        }

        for (var i = 0; i < versions.Count; i++)
        {
            var target = _f.Dir.Sub("out" + i);
            var restored = await DirectoryRestore.RunAsync(vault.Reader, versions[i].Id, target, new RestoreOptions());
            Assert.Empty(restored.Errors);
            Assert.Equal(versions[i].Expected, TreeBuilder.Describe(target));
        }

        var report = await VaultVerifier.RunAsync(vault.Reader, null, 2);
        Assert.Empty(report.Errors);
        Assert.Equal(4, report.RecoveryPoints);
    }
}
