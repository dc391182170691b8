using Arca.Storage.Blobs;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// The recovery points a vault must hold, each with the tree it was taken from, and the durability
/// check of DESIGN.md §4: exactly these are visible, the vault verifies clean, and each restores exactly.
/// </summary>
internal sealed class CommittedPoints(VaultFixture f)
{
    private readonly Dictionary<BlobId, SortedDictionary<string, string>> _trees = [];

    public IReadOnlyCollection<BlobId> Ids => _trees.Keys;

    public void Add(BlobId id, SortedDictionary<string, string> tree) => _trees.Add(id, tree);

    public CommittedPoints Copy()
    {
        var copy = new CommittedPoints(f);
        foreach (var (id, tree) in _trees)
        {
            copy.Add(id, tree);
        }

        return copy;
    }

    /// <summary>
    /// Opens <paramref name="store"/> as the next process would, removes the dead process's locks and
    /// checks the vault holds exactly the committed recovery points.
    /// </summary>
    public async Task<Vault> CheckAsync(IBlobStore store)
    {
        var vault = await f.OpenAsync(store);
        await VaultLock.RemoveStaleAsync(vault, all: true);
        Assert.Equal(_trees.Keys.Order(), (await vault.Reader.ListRecoveryPointIdsAsync()).Order());
        var report = await VaultVerifier.RunAsync(vault.Reader, null, 2);
        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        foreach (var (id, tree) in _trees)
        {
            var target = f.Dir.Sub("check-" + Guid.NewGuid().ToString("N")[..8]);
            var result = await DirectoryRestore.RunAsync(vault.Reader, id, target, new RestoreOptions { Parallelism = 2 });
            Assert.Empty(result.Errors);
            Assert.Equal(tree, TreeBuilder.Describe(target));
            Directory.Delete(target, recursive: true);
        }

        return vault;
    }
}
