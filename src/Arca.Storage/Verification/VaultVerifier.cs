using System.Collections.Concurrent;
using Arca.Storage.Blobs;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Verification;

/// <summary>
/// Reads every index object, manifest, tree and pack that the chosen recovery points need and
/// checks every hash and tag; maps each bad blob back to the recovery points and files it hits.
/// Read-only: takes a <see cref="VaultReader"/>.
/// </summary>
public sealed class VaultVerifier
{
    private readonly VaultReader _vault;
    private readonly ConcurrentBag<VerifyError> _errors = [];
    private readonly ConcurrentDictionary<BlobId, string> _badBlobs = new();
    private readonly HashSet<BlobId> _neededData = [];
    private readonly int _parallelism;
    private long _blobs;
    private long _bytes;
    private int _packs;

    private VaultVerifier(VaultReader vault, int parallelism)
    {
        _vault = vault;
        _parallelism = parallelism;
    }

    /// <summary>Verifies the given recovery points, or all when <paramref name="recoveryPoints"/> is null.</summary>
    public static async Task<VerifyReport> RunAsync(VaultReader vault, IReadOnlyList<BlobId>? recoveryPoints, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var verifier = new VaultVerifier(vault, parallelism);
        return await verifier.RunAsync(recoveryPoints, cancellationToken).ConfigureAwait(false);
    }

    private async Task<VerifyReport> RunAsync(IReadOnlyList<BlobId>? requested, CancellationToken cancellationToken)
    {
        var index = await LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        var ids = requested ?? await _vault.ListRecoveryPointIdsAsync(cancellationToken).ConfigureAwait(false);
        var manifests = new List<(BlobId Id, Manifest Manifest)>();
        foreach (var id in ids)
        {
            try
            {
                manifests.Add((id, await _vault.LoadManifestAsync(id, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is VaultCorruptionException or VaultException or BlobStoreException)
            {
                _errors.Add(new VerifyError(id.ToString(), null, FormatIds.RecoveryPointKey(id), e.Message));
            }
        }

        foreach (var (id, manifest) in manifests)
        {
            await WalkAsync(id, manifest.Tree, string.Empty, collect: true, cancellationToken).ConfigureAwait(false);
        }

        await CheckPacksAsync(index, cancellationToken).ConfigureAwait(false);
        if (!_badBlobs.IsEmpty)
        {
            foreach (var (id, manifest) in manifests)
            {
                await WalkAsync(id, manifest.Tree, string.Empty, collect: false, cancellationToken).ConfigureAwait(false);
            }
        }

        var errors = _errors.OrderBy(e => e.RecoveryPoint, StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        return new VerifyReport(manifests.Count, _packs, _blobs, _bytes, errors);
    }

    private async Task<VaultIndex> LoadIndexAsync(CancellationToken cancellationToken)
    {
        var objects = new List<(BlobId, IReadOnlyList<IndexedPack>)>();
        await foreach (var info in _vault.Store.ListAsync(FormatIds.IndexPrefix, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var id = VaultReader.ParseObjectId(info.Key, FormatIds.IndexPrefix);
                objects.Add((id, await _vault.ReadIndexObjectAsync(id, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is VaultCorruptionException or BlobStoreException)
            {
                _errors.Add(new VerifyError(null, null, info.Key, e.Message));
            }
        }

        // Damaged index objects are reported and left out; what remains is the index verify reads through.
        var index = VaultIndex.Build(objects);
        _vault.UseIndex(index);
        return index;
    }

    /// <summary>Walks a tree: in the first pass collects needed data blobs, in the second maps bad blobs to files.</summary>
    private async Task WalkAsync(BlobId recoveryPoint, BlobId treeId, string rel, bool collect, CancellationToken cancellationToken)
    {
        Tree tree;
        try
        {
            tree = await _vault.LoadTreeAsync(treeId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VaultCorruptionException or BlobStoreException)
        {
            if (collect)
            {
                _errors.Add(new VerifyError(recoveryPoint.ToString(), rel.Length == 0 ? "." : rel, $"tree {treeId.Short()}", e.Message));
            }

            return;
        }

        foreach (var node in tree.Nodes)
        {
            var path = rel.Length == 0 ? node.Name : rel + "/" + node.Name;
            if (node.Subtree is { } sub)
            {
                await WalkAsync(recoveryPoint, sub, path, collect, cancellationToken).ConfigureAwait(false);
            }

            foreach (var blob in node.Content ?? [])
            {
                if (collect)
                {
                    _neededData.Add(blob);
                }
                else if (_badBlobs.TryGetValue(blob, out var reason))
                {
                    _errors.Add(new VerifyError(recoveryPoint.ToString(), path, $"blob {blob.Short()}", reason));
                    break;
                }
            }
        }
    }

    private async Task CheckPacksAsync(VaultIndex index, CancellationToken cancellationToken)
    {
        var byPack = new Dictionary<BlobId, List<PackEntry>>();
        foreach (var blob in _neededData)
        {
            if (!index.TryFind(blob, out var packId, out var entry))
            {
                _badBlobs[blob] = "the blob is not in the index (its data is missing)";
                continue;
            }

            if (!byPack.TryGetValue(packId, out var list))
            {
                byPack[packId] = list = [];
            }

            list.Add(entry);
        }

        await Parallel.ForEachAsync(
            byPack,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            async (pack, ct) => await CheckPackAsync(pack.Key, pack.Value, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task CheckPackAsync(BlobId packId, List<PackEntry> entries, CancellationToken cancellationToken)
    {
        var key = FormatIds.PackKey(packId);
        byte[] pack;
        try
        {
            pack = await _vault.Store.ReadAllAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobStoreException e) when (e is not TransientBlobStoreException)
        {
            var reason = e is BlobNotFoundException ? $"pack {key} is missing" : $"pack {key} cannot be read: {e.Message}";
            _errors.Add(new VerifyError(null, null, key, reason));
            foreach (var entry in entries)
            {
                _badBlobs[entry.Id] = reason;
            }

            return;
        }

        Interlocked.Increment(ref _packs);
        Interlocked.Add(ref _bytes, pack.Length);
        using (var aead = _vault.Keys.CreateAead())
        {
            var header = PackReader.TryReadHeader(pack, packId, aead, out var problem);
            if (header is null)
            {
                _errors.Add(new VerifyError(null, null, key, problem!));
            }
            else if (entries.Any(e => !header.Contains(e)))
            {
                _errors.Add(new VerifyError(null, null, key, "the index does not agree with the pack's header"));
            }
        }

        var codec = _vault.RentCodec();
        try
        {
            foreach (var entry in entries)
            {
                Interlocked.Increment(ref _blobs);
                var problem = entry.Offset + (long)entry.Length > pack.Length
                    ? "the blob lies beyond the end of its pack (truncated)"
                    : codec.TryOpen(entry, pack.AsSpan((int)entry.Offset, (int)entry.Length), new byte[entry.RawLength]);
                if (problem is not null)
                {
                    _badBlobs[entry.Id] = $"blob {entry.Id.Short()} in pack {key}: {problem}";
                }
            }
        }
        finally
        {
            _vault.ReturnCodec(codec);
        }
    }
}
