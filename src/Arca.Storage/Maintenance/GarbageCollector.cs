using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Maintenance;

/// <summary>
/// Removes data no recovery point references, under an exclusive lock. Crash-safe by ordering
/// (vault-format.md §8, invariant 4): rewritten packs and the new index are durable before any old
/// index object is deleted, and every old index object is deleted before any pack. A crash at any
/// point leaves every recovery point restorable; leftovers are removed by the next run.
/// </summary>
public sealed class GarbageCollector
{
    private readonly Vault _vault;
    private readonly GcOptions _options;

    private GarbageCollector(Vault vault, GcOptions options)
    {
        _vault = vault;
        _options = options;
    }

    public static async Task<GcReport> RunAsync(Vault vault, GcOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        var vaultLock = await VaultLock.AcquireAsync(vault, exclusive: true, "gc", cancellationToken).ConfigureAwait(false);
        await using (vaultLock.ConfigureAwait(false))
        {
            return await new GarbageCollector(vault, options).RunAsync(vaultLock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<GcReport> RunAsync(VaultLock vaultLock, CancellationToken cancellationToken)
    {
        var reader = _vault.Reader;
        var index = await reader.LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        var recoveryPoints = await reader.ListRecoveryPointsAsync(cancellationToken).ConfigureAwait(false);
        var used = new HashSet<BlobId>();
        foreach (var (_, manifest) in recoveryPoints)
        {
            await MarkAsync(manifest.Tree, used, cancellationToken).ConfigureAwait(false);
        }

        EnsureIndexed(used, index);

        var stored = new List<BlobId>();
        await foreach (var info in _vault.Store.ListAsync(FormatIds.DataPrefix, cancellationToken).ConfigureAwait(false))
        {
            stored.Add(VaultReader.ParseObjectId(info.Key, info.Key[..(info.Key.LastIndexOf('/') + 1)]));
        }

        var keep = new List<IndexedPack>();
        var repack = new List<IndexedPack>();
        var delete = new HashSet<BlobId>(stored.Where(p => !index.ContainsPack(p)));
        long blobsRemoved = 0, bytesFreed = 0;
        foreach (var pack in index.ByPack())
        {
            var live = pack.Entries.Where(e => used.Contains(e.Id)).ToList();
            long total = pack.Entries.Sum(e => (long)e.Length), dead = total - live.Sum(e => (long)e.Length);
            blobsRemoved += pack.Entries.Count - live.Count;
            if (live.Count == 0)
            {
                delete.Add(pack.PackId);
                bytesFreed += total;
            }
            else if (dead > total * _options.RepackThreshold)
            {
                repack.Add(pack with { Entries = live });
                delete.Add(pack.PackId);
                bytesFreed += dead;
            }
            else
            {
                keep.Add(pack with { Entries = live });
            }
        }

        // A pack whose every blob the index places in another pack (a copy left by an interrupted
        // repack) is listed by no new index object: delete it now, not as garbage at the next run.
        delete.UnionWith(index.Packs.Except(keep.Concat(repack).Select(p => p.PackId)));

        // Step 1: rewrite live blobs of sparse packs, and write the new index; all durable.
        var rewritten = await RepackAsync(repack, cancellationToken).ConfigureAwait(false);
        var newIndex = keep.Concat(rewritten).ToList();
        var written = 0;
        if (newIndex.Count > 0 && (delete.Count > 0 || index.IndexObjects.Count > 1 || blobsRemoved > 0))
        {
            await _vault.WriteObjectAsync(FormatIds.IndexPrefix, IndexCodec.Encode(newIndex), Crypto.AssociatedData.Index.ToArray(), cancellationToken).ConfigureAwait(false);
            written = 1;
        }

        vaultLock.EnsureValidForCommit();
        var oldIndex = written == 1 || newIndex.Count == 0 ? index.IndexObjects : [];

        // Step 2: delete every old index object; step 3: only then the packs.
        foreach (var id in oldIndex)
        {
            await _vault.Store.DeleteAsync(FormatIds.IndexKey(id), cancellationToken).ConfigureAwait(false);
        }

        foreach (var packId in delete)
        {
            await _vault.Store.DeleteAsync(FormatIds.PackKey(packId), cancellationToken).ConfigureAwait(false);
        }

        return new GcReport(recoveryPoints.Count, keep.Count, delete.Count - repack.Count, repack.Count, blobsRemoved, bytesFreed, written, oldIndex.Count);
    }

    private async Task MarkAsync(BlobId treeId, HashSet<BlobId> used, CancellationToken cancellationToken)
    {
        if (!used.Add(treeId))
        {
            return;
        }

        // A tree that cannot be read stops gc: it must never delete what an unreadable tree may reference.
        var tree = await _vault.Reader.LoadTreeAsync(treeId, cancellationToken).ConfigureAwait(false);
        foreach (var node in tree.Nodes)
        {
            if (node.Subtree is { } sub)
            {
                await MarkAsync(sub, used, cancellationToken).ConfigureAwait(false);
            }

            foreach (var blob in node.Content ?? [])
            {
                used.Add(blob);
            }
        }
    }

    /// <summary>
    /// A needed blob that no index object lists means a lost or damaged index object; its pack would look
    /// like garbage and be deleted, though its header could still rebuild the index. Stop before any change.
    /// </summary>
    private void EnsureIndexed(HashSet<BlobId> used, VaultIndex index)
    {
        foreach (var blob in used)
        {
            if (!index.Contains(blob))
            {
                throw new VaultCorruptionException($"gc stopped: blob {blob.Short()}, which recovery points need, is not in the index of {_vault.Store.Location}; run 'arca vault verify'");
            }
        }
    }

    private async Task<List<IndexedPack>> RepackAsync(List<IndexedPack> packs, CancellationToken cancellationToken)
    {
        if (packs.Count == 0)
        {
            return [];
        }

        var writer = new PackWriter(_vault);
        var codec = _vault.Reader.RentCodec();
        await using (writer.ConfigureAwait(false))
        {
            foreach (var pack in packs)
            {
                var key = FormatIds.PackKey(pack.PackId);
                foreach (var e in pack.Entries)
                {
                    // Sealed bytes move as they are (same key; the associated data names the blob, not the pack),
                    // after a check that they are intact.
                    var sealedBlob = new byte[e.Length];
                    await _vault.Store.ReadRangeAsync(key, e.Offset, sealedBlob, cancellationToken).ConfigureAwait(false);
                    if (codec.TryOpen(e, sealedBlob, new byte[e.RawLength]) is { } problem)
                    {
                        throw new VaultCorruptionException($"gc stopped: blob {e.Id.Short()} in pack {key}: {problem}; run 'arca vault verify'");
                    }

                    await writer.AddAsync(e.Kind, e.Id, e.Compression, (int)e.RawLength, sealedBlob, cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            _vault.Reader.ReturnCodec(codec);
            return [.. writer.Written];
        }
    }
}
