using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A committed recovery point of a small tree in an in-memory vault, and the checks every corruption
/// test makes: verify and restore through a freshly opened vault, restored trees compared with the source.
/// </summary>
internal sealed class CorruptionScenario
{
    private readonly VaultFixture _f;

    public CorruptionScenario(VaultFixture f, string source, BlobId recoveryPoint, RecoveryPointMap map)
    {
        _f = f;
        Source = source;
        RecoveryPoint = recoveryPoint;
        Map = map;
    }

    public string Source { get; }

    public BlobId RecoveryPoint { get; }

    public RecoveryPointMap Map { get; }

    public string Id => RecoveryPoint.ToString();

    /// <summary>Backs up a tree of text and random files in nested directories (many small packs).</summary>
    public static async Task<CorruptionScenario> CreateAsync(VaultFixture f, Action<string>? populate = null)
    {
        var src = f.Source();
        (populate ?? Populate)(src);
        var vault = await f.InitAsync();
        var result = await DirectoryBackup.RunAsync(vault, src, new BackupOptions { Parallelism = 2 });
        var map = await RecoveryPointMap.LoadAsync((await f.OpenAsync()).Reader, result.RecoveryPointId);
        return new CorruptionScenario(f, src, result.RecoveryPointId, map);
    }

    /// <summary>
    /// A single 5 MB file besides a small one: more than <see cref="Repository.PackWriter.PacksPerIndex"/>
    /// packs, so the backup writes two index objects and the first one lists data blobs only.
    /// </summary>
    public static void PopulateBig(string src)
    {
        TreeBuilder.File(src, "big.bin", TreeBuilder.Random(5_000_000, 6));
        TreeBuilder.File(src, "small.txt", TreeBuilder.Text(3_000, 7));
    }

    public async Task<VerifyReport> VerifyAsync() =>
        await VaultVerifier.RunAsync((await _f.OpenAsync()).Reader, null, 2);

    public async Task<(RestoreResult Result, string Target)> RestoreAsync(BlobId? recoveryPoint = null)
    {
        var target = _f.Dir.Sub("restored-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await DirectoryRestore.RunAsync((await _f.OpenAsync()).Reader, recoveryPoint ?? RecoveryPoint, target, new RestoreOptions { Parallelism = 2 });
        return (result, target);
    }

    /// <summary>The source's description without the given entries (and everything under them).</summary>
    public SortedDictionary<string, string> SourceWithout(IEnumerable<string> missing)
    {
        var expected = TreeBuilder.Describe(Source);
        foreach (var path in missing)
        {
            foreach (var key in expected.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
            {
                expected.Remove(key);
            }
        }

        return expected;
    }

    /// <summary>The paths verify names for this recovery point.</summary>
    public SortedSet<string> PathsNamedBy(VerifyReport report) =>
        new(report.Errors.Where(e => e.RecoveryPoint == Id && e.Path is not null).Select(e => e.Path!), StringComparer.Ordinal);

    private static void Populate(string src)
    {
        TreeBuilder.File(src, "c.bin", TreeBuilder.Random(30_000, 3));
        TreeBuilder.File(src, "docs/a.txt", TreeBuilder.Text(50_000, 1));
        TreeBuilder.File(src, "docs/b.bin", TreeBuilder.Random(200_000, 2));
        TreeBuilder.File(src, "sub/e.txt", TreeBuilder.Text(5_000, 5));
        TreeBuilder.File(src, "sub/deeper/d.bin", TreeBuilder.Random(20_000, 4));
    }
}
