using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A consistent-looking vault in which a blob's bytes sit where another blob, kind or compression is
/// claimed: the index and packs are well formed and correctly named, so only the associated data of
/// the blob's AEAD envelope stands between the forgery and the restored file.
/// </summary>
public sealed class RelabellingTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    public enum Forgery
    {
        /// <summary>The index says blob "two" is where blob "one" is.</summary>
        MovedWithinItsPack,

        /// <summary>Blob "one"'s sealed bytes are copied into a new pack, labelled as blob "two".</summary>
        CopiedIntoAnotherPack,

        /// <summary>The index claims blob "two" is compressed when it is stored raw.</summary>
        CompressionRelabelled,
    }

    [Theory]
    [InlineData(Forgery.MovedWithinItsPack)]
    [InlineData(Forgery.CopiedIntoAnotherPack)]
    [InlineData(Forgery.CompressionRelabelled)]
    public async Task A_relabelled_blob_fails_authentication_in_verify_and_restore(Forgery forgery)
    {
        var src = _f.Source();
        TreeBuilder.File(src, "one", TreeBuilder.Random(900, 1));
        TreeBuilder.File(src, "two", TreeBuilder.Random(900, 2));
        var vault = await _f.InitAsync();
        var rp = (await Backup.DirectoryBackup.RunAsync(vault, src, new Backup.BackupOptions())).RecoveryPointId;
        var map = await RecoveryPointMap.LoadAsync((await _f.OpenAsync()).Reader, rp);
        var one = Assert.Single(map.Files["one"]);
        var two = Assert.Single(map.Files["two"]);
        Assert.Equal((BlobCompression.None, one.Entry.Length), (two.Entry.Compression, two.Entry.Length));

        var packs = map.Index.ByPack().Select(p => p with { Entries = [.. p.Entries.Where(e => e.Id != two.Blob)] }).ToList();
        switch (forgery)
        {
            case Forgery.MovedWithinItsPack:
                await ReplaceIndexAsync(vault, Add(packs, one.Pack, one.Entry with { Id = two.Blob }));
                break;
            case Forgery.CompressionRelabelled:
                await ReplaceIndexAsync(vault, Add(packs, two.Pack, two.Entry with { Compression = BlobCompression.Zstd }));
                break;
            case Forgery.CopiedIntoAnotherPack:
                await ReplaceIndexAsync(vault, packs);
                var sealedOne = new byte[one.Entry.Length];
                await _f.Memory.ReadRangeAsync(one.PackKey, one.Entry.Offset, sealedOne);
                var writer = new PackWriter(vault);
                await using (writer)
                {
                    await writer.AddAsync(BlobKind.Data, two.Blob, one.Entry.Compression, (int)one.Entry.RawLength, sealedOne, default);
                    await writer.FlushAsync(default);
                }

                break;
        }

        var s = new CorruptionScenario(_f, src, rp, map);
        var report = await s.VerifyAsync();
        var error = Assert.Single(report.Errors, e => e.Path is not null);
        Assert.Equal((rp.ToString(), "two"), (error.RecoveryPoint, error.Path));
        Assert.Contains("authentication failed", error.Reason, StringComparison.Ordinal);

        // An index that disagrees with a pack's own header is reported too; a forged pack's header agrees with its forger.
        var packErrors = report.Errors.Where(e => e.Path is null).Select(e => e.Reason).ToList();
        Assert.Equal(forgery == Forgery.CopiedIntoAnotherPack ? [] : ["the index does not agree with the pack's header"], packErrors);

        var (result, target) = await s.RestoreAsync();
        var failed = Assert.Single(result.Errors);
        Assert.Equal("two", failed.Path);
        Assert.Contains("authentication failed", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(s.SourceWithout(["two"]), TreeBuilder.Describe(target));
    }

    private static List<IndexedPack> Add(List<IndexedPack> packs, BlobId pack, PackEntry entry) =>
        [.. packs.Select(p => p.PackId == pack ? p with { Entries = [.. p.Entries, entry] } : p)];

    /// <summary>Replaces every index object with one listing <paramref name="packs"/>.</summary>
    private async Task ReplaceIndexAsync(Vault vault, List<IndexedPack> packs)
    {
        foreach (var key in await _f.Memory.KeysAsync(FormatIds.IndexPrefix))
        {
            await _f.Memory.DeleteAsync(key);
        }

        await vault.WriteObjectAsync(FormatIds.IndexPrefix, IndexCodec.Encode(packs), AssociatedData.Index.ToArray(), default);
    }
}
