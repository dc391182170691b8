using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Backup;

/// <summary>
/// The parallel half of a backup: workers take chunks from a bounded channel, compute their keyed
/// ids, skip the ones the vault already has, and seal and pack the rest. Also stores tree blobs.
/// Memory is bounded by the channel's capacity plus the pack writer's buffers.
/// </summary>
internal sealed class ChunkPipeline : IAsyncDisposable
{
    private readonly Vault _vault;
    private readonly VaultIndex _index;
    private readonly PackWriter _packs;
    private readonly BackupProgress _progress;
    private readonly Channel<ChunkWork> _channel;
    private readonly ConcurrentDictionary<BlobId, byte> _claimed = new();
    private readonly Task[] _workers;
    private readonly CancellationTokenSource _failed = new();
    private long _dataAdded;
    private Exception? _failure;

    public ChunkPipeline(Vault vault, VaultIndex index, BackupProgress progress, int parallelism)
    {
        _vault = vault;
        _index = index;
        _progress = progress;
        _packs = new PackWriter(vault);
        _channel = Channel.CreateBounded<ChunkWork>(new BoundedChannelOptions(parallelism) { SingleWriter = false, SingleReader = false });

        // A private pool: the shared one keeps up to 8 arrays per size class per core, far more than a
        // backup ever has in flight (the channel's capacity plus one per worker and per reader).
        Buffers = ArrayPool<byte>.Create(vault.Config.Chunker.Max, (4 * parallelism) + 4);
        _workers = [.. Enumerable.Range(0, parallelism).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Chunk buffers: rent from here, and <see cref="PostAsync"/> returns them once processed.</summary>
    public ArrayPool<byte> Buffers { get; }

    /// <summary>Cancelled when the pipeline has failed; readers stop posting.</summary>
    public CancellationToken Failed => _failed.Token;

    public long DataAdded => Interlocked.Read(ref _dataAdded);

    public long StoredBytes => _packs.StoredBytes;

    /// <summary>Queues a chunk; the buffer is returned to the shared pool once processed.</summary>
    public async ValueTask PostAsync(ChunkWork work, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Buffers.Return(work.Buffer);
            throw;
        }
    }

    /// <summary>Stores a tree blob unless the vault has it; returns its id.</summary>
    public async Task<BlobId> StoreTreeAsync(Tree tree, CancellationToken cancellationToken)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(tree, FormatJson.Default.Tree);
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

        if (sealedTree is not null)
        {
            await _packs.AddAsync(BlobKind.Tree, id, compression, json.Length, sealedTree.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    /// <summary>Waits for every queued chunk, then makes every pack and index durable.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (_failure is not null)
        {
            throw _failure;
        }

        await _packs.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var work))
        {
            Buffers.Return(work.Buffer);
        }

        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Recorded in _failure and reported by CompleteAsync.
        }

        await _packs.DisposeAsync().ConfigureAwait(false);
        _failed.Dispose();
    }

    private async Task WorkAsync()
    {
        var codec = _vault.Reader.RentCodec();
        var sealedBuffer = new byte[BlobCodec.SealedBound(_vault.Config.Chunker.Max)];
        try
        {
            await foreach (var work in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (_failure is null)
                    {
                        await ProcessAsync(work, codec, sealedBuffer).ConfigureAwait(false);
                    }
                    else
                    {
                        work.File.Fail(_failure);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                    work.File.Fail(e);
                    await _failed.CancelAsync().ConfigureAwait(false);
                }
                finally
                {
                    Buffers.Return(work.Buffer);
                }
            }
        }
        finally
        {
            _vault.Reader.ReturnCodec(codec);
        }
    }

    private async Task ProcessAsync(ChunkWork work, BlobCodec codec, byte[] sealedBuffer)
    {
        var data = work.Buffer.AsMemory(0, work.Length);
        var id = codec.ComputeId(data.Span);
        if (!_index.Contains(id) && _claimed.TryAdd(id, 0))
        {
            var (length, compression) = codec.Seal(BlobKind.Data, id, data.Span, sealedBuffer);
            await _packs.AddAsync(BlobKind.Data, id, compression, work.Length, sealedBuffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
            Interlocked.Add(ref _dataAdded, work.Length);
            _progress.AddStored(length);
        }

        work.File.Set(work.Slot, id);
    }
}
