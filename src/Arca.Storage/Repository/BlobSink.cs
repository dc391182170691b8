using System.Collections.Concurrent;
using System.Text.Json;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// Where new blobs go during one write session (a backup, a copy): each plaintext is stored under
/// its keyed id unless the vault — or this session — already has it. Thread-safe; the packs and
/// their index become durable on <see cref="FlushAsync"/>.
/// </summary>
internal sealed class BlobSink : IAsyncDisposable
{
    private readonly Vault _vault;
    private readonly VaultIndex _index;
    private readonly PackWriter _packs;
    private readonly ConcurrentDictionary<BlobId, byte> _claimed = new();

    public BlobSink(Vault vault, VaultIndex index)
    {
        _vault = vault;
        _index = index;
        _packs = new PackWriter(vault);
    }

    /// <summary>Stored (sealed) bytes added so far.</summary>
    public long StoredBytes => _packs.StoredBytes;

    /// <summary>How many index objects this session has written (every <see cref="PackWriter.PacksPerIndex"/> packs, and on flush).</summary>
    public int IndexObjectCount => _packs.IndexObjectCount;

    /// <summary>True when the vault or this session already holds <paramref name="id"/>.</summary>
    public bool Has(BlobId id) => _index.Contains(id) || _claimed.ContainsKey(id);

    /// <summary>
    /// Stores <paramref name="plaintext"/> unless present; returns its id and the sealed bytes added
    /// (0 for a duplicate). <paramref name="sealBuffer"/> holds at least <see cref="BlobCodec.SealedBound"/> bytes.
    /// </summary>
    public async ValueTask<(BlobId Id, int Stored)> StoreAsync(BlobKind kind, ReadOnlyMemory<byte> plaintext, BlobCodec codec, byte[] sealBuffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var id = codec.ComputeId(plaintext.Span);
        return (id, (await StoreAsync(kind, id, plaintext, codec, sealBuffer, probe: true, cancellationToken).ConfigureAwait(false)).Stored);
    }

    /// <summary>
    /// As <see cref="StoreAsync(BlobKind, ReadOnlyMemory{byte}, BlobCodec, byte[], CancellationToken)"/> with the id
    /// already computed. Without <paramref name="probe"/>, data is compressed whole without first trying its head
    /// (for data expected to compress). Returns the sealed bytes added (0 for a duplicate) and the compression used.
    /// </summary>
    public async ValueTask<(int Stored, BlobCompression Compression)> StoreAsync(BlobKind kind, BlobId id, ReadOnlyMemory<byte> plaintext, BlobCodec codec, byte[] sealBuffer, bool probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (_index.Contains(id) || !_claimed.TryAdd(id, 0))
        {
            return (0, BlobCompression.None);
        }

        var (length, compression) = codec.Seal(kind, id, plaintext.Span, sealBuffer, probe: probe);
        await _packs.AddAsync(kind, id, compression, plaintext.Length, sealBuffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        return (length, compression);
    }

    /// <summary>Stores a tree blob (deterministic JSON) unless present; returns its id.</summary>
    public async Task<BlobId> StoreTreeAsync(Tree tree, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(tree, FormatJson.Default.Tree);
        var codec = _vault.Reader.RentCodec();
        BlobId id;
        byte[]? sealedTree = null;
        int length = 0;
        var compression = BlobCompression.None;
        try
        {
            id = codec.ComputeId(json);
            if (!_index.Contains(id) && _claimed.TryAdd(id, 0))
            {
                sealedTree = new byte[BlobCodec.SealedBound(json.Length)];
                (length, compression) = codec.Seal(BlobKind.Tree, id, json, sealedTree);
            }
        }
        finally
        {
            _vault.Reader.ReturnCodec(codec);
        }

        // The codec goes back before the await: a pack upload may take a while.
        if (sealedTree is not null)
        {
            await _packs.AddAsync(BlobKind.Tree, id, compression, json.Length, sealedTree.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    /// <summary>Makes every pack and its index durable.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _packs.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _packs.DisposeAsync();
}
