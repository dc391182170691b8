using System.Collections.Concurrent;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Copy;

/// <summary>
/// Copies a recovery point into another vault (another account's, another region's), re-encrypted
/// under the destination's keys. Only the data blobs the destination cannot map through its copy
/// ledger are read from the source; of those, only the ones the destination lacks are written.
/// The ledger grows as the copy goes (after each index object the copy writes), so a copy that
/// dies part way is resumed by a retry that reads only what the destination still lacks.
/// Trees are rewritten with the destination's blob ids. The copy keeps the source's time, tree
/// shape, problems and summary; it is committed like a backup (ordering invariants 1–3), so a crash
/// leaves no partial recovery point in the destination.
/// </summary>
public sealed class VaultCopy
{
    private readonly IRecoveryPointSource _source;
    private readonly Vault _destination;
    private readonly CopyOptions _options;
    private readonly ConcurrentDictionary<BlobId, BlobId> _mapped = new();
    private readonly ConcurrentQueue<KeyValuePair<BlobId, BlobId>> _unledgered = new();
    private readonly Dictionary<BlobId, Tree> _trees = [];
    private readonly Dictionary<BlobId, BlobId> _treeMap = [];
    private int _ledgeredIndexObjects;
    private long _blobsRead;
    private long _bytesRead;
    private long _blobsWritten;

    private VaultCopy(IRecoveryPointSource source, Vault destination, CopyOptions options)
    {
        _source = source;
        _destination = destination;
        _options = options;
    }

    public static async Task<CopyResult> RunAsync(IRecoveryPointSource source, BlobId recoveryPoint, Vault destination, CopyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var vaultLock = await VaultLock.AcquireAsync(destination, exclusive: false, "copy", cancellationToken).ConfigureAwait(false);
        await using (vaultLock.ConfigureAwait(false))
        {
            return await new VaultCopy(source, destination, options).RunAsync(recoveryPoint, vaultLock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CopyResult> RunAsync(BlobId recoveryPoint, VaultLock vaultLock, CancellationToken cancellationToken)
    {
        var manifest = await _source.LoadManifestAsync(recoveryPoint, cancellationToken).ConfigureAwait(false);
        var index = await _destination.Reader.LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await CopyLedger.LoadAsync(_destination, _source.VaultId, cancellationToken).ConfigureAwait(false);
        var data = new HashSet<BlobId>();
        await CollectAsync(manifest.Tree, data, cancellationToken).ConfigureAwait(false);
        _options.Progress.SetTotal(data.Count);

        BlobId root;
        long transferred;
        var sink = new BlobSink(_destination, index);
        await using (sink.ConfigureAwait(false))
        {
            var unmapped = new List<BlobId>();
            foreach (var id in data)
            {
                if (ledger.TryGetValue(id, out var known) && index.Contains(known))
                {
                    _mapped[id] = known;
                }
                else
                {
                    unmapped.Add(id);
                }
            }

            _options.Progress.AddBlobs(data.Count - unmapped.Count);
            await CopyBlobsAsync(unmapped, sink, cancellationToken).ConfigureAwait(false);
            root = await MapTreeAsync(manifest.Tree, sink, cancellationToken).ConfigureAwait(false);
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            transferred = sink.StoredBytes;
        }

        await WriteLedgerAsync(cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(manifest.Tags.Where(t => _options.KeepSourceTag?.Invoke(t.Key) ?? true));
        foreach (var (key, value) in _options.Tags)
        {
            tags[key] = value;
        }

        var copy = manifest with { Tree = root, Tags = tags };
        vaultLock.EnsureValidForCommit();
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(copy, FormatJson.Default.Manifest);
        var rp = await _destination.WriteObjectAsync(FormatIds.RecoveryPointsPrefix, json, Crypto.AssociatedData.Manifest.ToArray(), cancellationToken).ConfigureAwait(false);
        return new CopyResult(rp, copy, data.Count, _blobsRead, _bytesRead, _blobsWritten, transferred);
    }

    /// <summary>Reads every tree of the recovery point once and collects the data blobs it needs.</summary>
    private async Task CollectAsync(BlobId treeId, HashSet<BlobId> data, CancellationToken cancellationToken)
    {
        if (_trees.ContainsKey(treeId))
        {
            return;
        }

        var tree = await _source.LoadTreeAsync(treeId, cancellationToken).ConfigureAwait(false);
        _trees[treeId] = tree;
        foreach (var node in tree.Nodes)
        {
            data.UnionWith(node.Content ?? []);
            if (node.Subtree is { } sub)
            {
                await CollectAsync(sub, data, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads the blobs the ledger cannot map, computes their destination ids, and stores the ones the destination lacks.</summary>
    private async Task CopyBlobsAsync(List<BlobId> blobs, BlobSink sink, CancellationToken cancellationToken)
    {
        var max = _destination.Config.Chunker.Max;
        await Parallel.ForEachAsync(
            Partition(blobs, _options.Parallelism),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (part, ct) =>
            {
                var codec = _destination.Reader.RentCodec();
                var sealBuffer = new byte[BlobCodec.SealedBound(Math.Max(max, part.Max(_source.RawLengthOf)))];
                var plain = new byte[sealBuffer.Length];
                try
                {
                    foreach (var id in part)
                    {
                        var length = _source.RawLengthOf(id);
                        await _source.ReadDataAsync(id, plain.AsMemory(0, length), ct).ConfigureAwait(false);
                        Interlocked.Increment(ref _blobsRead);
                        Interlocked.Add(ref _bytesRead, length);
                        var (mapped, stored) = await sink.StoreAsync(BlobKind.Data, plain.AsMemory(0, length), codec, sealBuffer, ct).ConfigureAwait(false);
                        _mapped[id] = mapped;
                        _unledgered.Enqueue(new(id, mapped));
                        int seen = Volatile.Read(ref _ledgeredIndexObjects), now = sink.IndexObjectCount;
                        if (now > seen && Interlocked.CompareExchange(ref _ledgeredIndexObjects, now, seen) == seen)
                        {
                            await WriteLedgerAsync(ct).ConfigureAwait(false);
                        }
                        if (stored > 0)
                        {
                            Interlocked.Increment(ref _blobsWritten);
                            _options.Progress.AddTransferred(stored);
                        }

                        _options.Progress.AddBlobs(1);
                    }
                }
                finally
                {
                    _destination.Reader.ReturnCodec(codec);
                }
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the mappings learned since the last ledger object as a new one: during the copy after each index object
    /// the sink writes, and at the end. An entry may name a blob whose pack is not indexed yet; that is harmless, as an
    /// entry is used only when the destination's index holds its blob (vault-format.md §7a).
    /// </summary>
    private async Task WriteLedgerAsync(CancellationToken cancellationToken)
    {
        var entries = new List<KeyValuePair<BlobId, BlobId>>();
        while (_unledgered.TryDequeue(out var entry))
        {
            entries.Add(entry);
        }

        await CopyLedger.WriteAsync(_destination, _source.VaultId, entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rewrites a source tree (and its subtrees) with destination ids; returns the destination tree id.</summary>
    private async Task<BlobId> MapTreeAsync(BlobId treeId, BlobSink sink, CancellationToken cancellationToken)
    {
        if (_treeMap.TryGetValue(treeId, out var done))
        {
            return done;
        }

        var nodes = new List<TreeNode>(_trees[treeId].Nodes.Count);
        foreach (var node in _trees[treeId].Nodes)
        {
            nodes.Add(node with
            {
                Content = node.Content?.Select(id => _mapped[id]).ToList(),
                Subtree = node.Subtree is { } sub ? await MapTreeAsync(sub, sink, cancellationToken).ConfigureAwait(false) : null,
            });
        }

        var mapped = await sink.StoreTreeAsync(new Tree(nodes), cancellationToken).ConfigureAwait(false);
        _treeMap[treeId] = mapped;
        return mapped;
    }

    private static IEnumerable<List<BlobId>> Partition(List<BlobId> blobs, int parts)
    {
        // Interleaved slices keep the workers busy until the end whatever the blob sizes.
        var slices = Enumerable.Range(0, Math.Max(1, parts)).Select(_ => new List<BlobId>()).ToArray();
        for (var i = 0; i < blobs.Count; i++)
        {
            slices[i % slices.Length].Add(blobs[i]);
        }

        return slices.Where(s => s.Count > 0);
    }
}
