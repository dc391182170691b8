using System.Buffers.Binary;
using System.Security.Cryptography;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// Collects sealed blobs into packs and uploads them in the background, writing an index object
/// for every <see cref="PacksPerIndex"/> durable packs and for the rest on <see cref="FlushAsync"/>
/// (ordering invariants 1 and 2 of vault-format.md §8). Thread-safe; memory is bounded by
/// (<c>uploads</c> + 1) pack buffers.
/// </summary>
internal sealed class PackWriter : IAsyncDisposable
{
    public const int PacksPerIndex = 64;
    private readonly Vault _vault;
    private readonly int _packSize;
    private readonly SemaphoreSlim _appendGate = new(1, 1);
    private readonly SemaphoreSlim _freeBuffers;
    private readonly Stack<NativeBuffer> _buffers = new();
    private readonly List<NativeBuffer> _allBuffers = [];
    private readonly List<Task> _uploads = [];
    private readonly List<IndexedPack> _unindexed = [];
    private readonly List<BlobId> _indexObjects = [];
    private readonly List<IndexedPack> _written = [];
    private readonly Lock _state = new();
    private NativeBuffer? _current;
    private int _position;
    private List<PackEntry> _entries = [];
    private Exception? _failure;

    public PackWriter(Vault vault, int uploads = 1)
    {
        _vault = vault;
        _packSize = vault.Config.PackSize;
        BufferSize = _packSize + BlobCodec.SealedBound(vault.Config.Chunker.Max) + (1 << 16);
        _freeBuffers = new SemaphoreSlim(uploads + 1, uploads + 1);
    }

    /// <summary>Capacity of one pack buffer.</summary>
    public int BufferSize { get; }

    /// <summary>Stored bytes of the blobs added.</summary>
    public long StoredBytes { get; private set; }

    /// <summary>Packs stored so far, with their entries.</summary>
    public IReadOnlyList<IndexedPack> Written
    {
        get
        {
            lock (_state)
            {
                return [.. _written];
            }
        }
    }

    /// <summary>How many index objects have been written so far.</summary>
    public int IndexObjectCount
    {
        get
        {
            lock (_state)
            {
                return _indexObjects.Count;
            }
        }
    }

    /// <summary>Index objects written so far.</summary>
    public IReadOnlyList<BlobId> IndexObjects
    {
        get
        {
            lock (_state)
            {
                return [.. _indexObjects];
            }
        }
    }

    /// <summary>Appends a sealed blob. Waits when uploads are backed up. A blob larger than a pack buffer gets a pack of its own.</summary>
    public async ValueTask AddAsync(BlobKind kind, BlobId id, BlobCompression compression, int rawLength, ReadOnlyMemory<byte> sealedBlob, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        await _appendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is not null && _position + sealedBlob.Length + SealedHeaderSize(_entries.Count + 1) > BufferSize)
            {
                StartUpload(); // the open pack has no room for this blob and the header that lists it: close it
            }

            if (sealedBlob.Length + SealedHeaderSize(1) > BufferSize)
            {
                // Larger than any pack buffer (the tree of a directory with very many entries, or of a
                // very large file): a pack of its own, from a buffer made for it.
                StartUpload(OversizedPack(kind, id, compression, rawLength, sealedBlob), pooled: false);
                StoredBytes += sealedBlob.Length;
                return;
            }

            if (_current is null)
            {
                await _freeBuffers.WaitAsync(cancellationToken).ConfigureAwait(false);
                _current = TakeBuffer();
            }

            sealedBlob.Span.CopyTo(_current.GetSpan()[_position..]);
            _entries.Add(new PackEntry(id, kind, compression, (uint)_position, (uint)sealedBlob.Length, (uint)rawLength));
            _position += sealedBlob.Length;
            StoredBytes += sealedBlob.Length;
            if (_position >= _packSize)
            {
                StartUpload();
            }
        }
        finally
        {
            _appendGate.Release();
        }
    }

    /// <summary>Uploads the open pack, waits for every upload, and indexes every stored pack.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _appendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is not null && _entries.Count > 0)
            {
                StartUpload();
            }

            Task[] uploads;
            lock (_state)
            {
                uploads = [.. _uploads];
            }

            await Task.WhenAll(uploads).ConfigureAwait(false);
            ThrowIfFailed();
            await WriteIndexAsync(force: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _appendGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] uploads;
        lock (_state)
        {
            uploads = [.. _uploads];
        }

        try
        {
            await Task.WhenAll(uploads).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already recorded in _failure; disposal must not throw.
        }

        _appendGate.Dispose();
        _freeBuffers.Dispose();
        foreach (var buffer in _allBuffers)
        {
            ((IDisposable)buffer).Dispose();
        }
    }

    private void StartUpload()
    {
        var pack = (_current!, _position, _entries);
        _current = null;
        _position = 0;
        _entries = [];
        StartUpload(pack, pooled: true);
    }

    private void StartUpload((NativeBuffer Buffer, int Length, List<PackEntry> Entries) pack, bool pooled)
    {
        var upload = Task.Run(() => UploadAsync(pack.Buffer, pack.Length, pack.Entries, pooled));
        lock (_state)
        {
            _uploads.RemoveAll(t => t.IsCompletedSuccessfully);
            _uploads.Add(upload);
        }
    }

    /// <summary>Bytes a pack of <paramref name="entries"/> blobs needs after its last blob: sealed header and its length.</summary>
    private static int SealedHeaderSize(int entries) => 8 + (entries * PackHeader.EntrySize) + Aead.Overhead + 4;

    private static (NativeBuffer Buffer, int Length, List<PackEntry> Entries) OversizedPack(BlobKind kind, BlobId id, BlobCompression compression, int rawLength, ReadOnlyMemory<byte> sealedBlob)
    {
        var buffer = new NativeBuffer(sealedBlob.Length + SealedHeaderSize(1));
        sealedBlob.Span.CopyTo(buffer.GetSpan());
        return (buffer, sealedBlob.Length, [new PackEntry(id, kind, compression, 0, (uint)sealedBlob.Length, (uint)rawLength)]);
    }

    private async Task UploadAsync(NativeBuffer buffer, int length, List<PackEntry> entries, bool pooled)
    {
        try
        {
            var header = PackHeader.Encode(entries);
            var sealedHeader = buffer.Memory.Slice(length, header.Length + Aead.Overhead);
            using (var aead = _vault.Reader.Keys.CreateAead())
            {
                aead.Seal(header, AssociatedData.PackHeader, sealedHeader.Span);
            }

            length += sealedHeader.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan()[length..], (uint)sealedHeader.Length);
            length += 4;

            // A pack is named by the hash of its sealed header, which lists (and so binds) every blob's id
            // and length; each blob is authenticated by its own tag (vault-format.md §6).
            var packId = new BlobId(SHA256.HashData(sealedHeader.Span));
            await _vault.Store.TryCreateAsync(FormatIds.PackKey(packId), buffer.Memory[..length], CancellationToken.None).ConfigureAwait(false);
            lock (_state)
            {
                var pack = new IndexedPack(packId, entries);
                _unindexed.Add(pack);
                _written.Add(pack);
            }

            await WriteIndexAsync(force: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (_state)
            {
                _failure ??= e;
            }

            throw;
        }
        finally
        {
            if (pooled)
            {
                ReturnBuffer(buffer);
            }
            else
            {
                ((IDisposable)buffer).Dispose();
            }
        }
    }

    private async Task WriteIndexAsync(bool force, CancellationToken cancellationToken)
    {
        List<IndexedPack> batch;
        lock (_state)
        {
            if (_unindexed.Count == 0 || (!force && _unindexed.Count < PacksPerIndex))
            {
                return;
            }

            batch = [.. _unindexed];
            _unindexed.Clear();
        }

        var id = await _vault.WriteObjectAsync(FormatIds.IndexPrefix, IndexCodec.Encode(batch), AssociatedData.Index.ToArray(), cancellationToken).ConfigureAwait(false);
        lock (_state)
        {
            _indexObjects.Add(id);
        }
    }

    private NativeBuffer TakeBuffer()
    {
        lock (_state)
        {
            if (_buffers.TryPop(out var b))
            {
                return b;
            }

            var created = new NativeBuffer(BufferSize);
            _allBuffers.Add(created);
            return created;
        }
    }

    private void ReturnBuffer(NativeBuffer buffer)
    {
        lock (_state)
        {
            _buffers.Push(buffer);
        }

        _freeBuffers.Release();
    }

    private void ThrowIfFailed()
    {
        lock (_state)
        {
            if (_failure is not null)
            {
                throw new VaultException($"writing to {_vault.Store.Location} failed: {_failure.Message}", _failure);
            }
        }
    }
}
