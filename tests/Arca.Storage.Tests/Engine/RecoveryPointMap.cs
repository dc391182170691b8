using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// Where a recovery point's files and directories live in a vault, so a test can damage exactly one
/// of them and name what must be reported. Paths are relative to the source; the root is ".".
/// </summary>
internal sealed class RecoveryPointMap
{
    private RecoveryPointMap(VaultIndex index) => Index = index;

    public VaultIndex Index { get; }

    /// <summary>Every file's data blobs, in file order.</summary>
    public Dictionary<string, List<BlobLocation>> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Every directory's tree blob.</summary>
    public Dictionary<string, BlobLocation> Directories { get; } = new(StringComparer.Ordinal);

    public static async Task<RecoveryPointMap> LoadAsync(VaultReader reader, BlobId recoveryPoint)
    {
        var map = new RecoveryPointMap(await reader.LoadIndexAsync());
        var manifest = await reader.LoadManifestAsync(recoveryPoint);
        await map.WalkAsync(reader, manifest.Tree, ".");
        return map;
    }

    /// <summary>The files with at least one blob that <paramref name="hit"/> selects.</summary>
    public SortedSet<string> FilesHit(Func<BlobLocation, bool> hit) =>
        new(Files.Where(f => f.Value.Any(hit)).Select(f => f.Key), StringComparer.Ordinal);

    /// <summary>True when some directory's tree blob is in <paramref name="pack"/>.</summary>
    public bool HoldsTrees(BlobId pack) => Directories.Values.Any(d => d.Pack == pack);

    private async Task WalkAsync(VaultReader reader, BlobId treeId, string rel)
    {
        Directories[rel] = Locate(treeId);
        var tree = await reader.LoadTreeAsync(treeId);
        foreach (var node in tree.Nodes)
        {
            var path = rel == "." ? node.Name : rel + "/" + node.Name;
            if (node.Subtree is { } sub)
            {
                await WalkAsync(reader, sub, path);
            }
            else if (node.Content is { } content)
            {
                Files[path] = [.. content.Select(Locate)];
            }
        }
    }

    private BlobLocation Locate(BlobId blob)
    {
        Assert.True(Index.TryFind(blob, out var pack, out var entry), $"blob {blob} is not indexed");
        return new BlobLocation(blob, pack, entry);
    }
}
