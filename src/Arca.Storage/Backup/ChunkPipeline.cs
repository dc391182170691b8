using System.Buffers;
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
    private readonly BlobSink _sink;
    private readonly BackupProgress _progress;
    private readonly Channel<ChunkWork> _channel;
    private readonly Task[] _workers;
    private readonly CancellationTokenSource _failed = new();
    private long _dataAdded;
    private Exception? _failure;

    public ChunkPipeline(Vault vault, VaultIndex index, BackupProgress progress, int parallelism)
    {
        _vault = vault;
        _sink = new BlobSink(vault, index);
        _progress = progress;
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

    public long StoredBytes => _sink.StoredBytes;

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
    public Task<BlobId> StoreTreeAsync(Tree tree, CancellationToken cancellationToken) => _sink.StoreTreeAsync(tree, cancellationToken);

    /// <summary>Waits for every queued chunk, then makes every pack and index durable.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (_failure is not null)
        {
            throw _failure;
        }

        await _sink.FlushAsync(cancellationToken).ConfigureAwait(false);
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

        await _sink.DisposeAsync().ConfigureAwait(false);
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
        var plaintext = work.Buffer.AsMemory(0, work.Length);
        var id = codec.ComputeId(plaintext.Span);
        var (stored, compression) = await _sink.StoreAsync(BlobKind.Data, id, plaintext, codec, sealedBuffer, probe: !work.File.Compresses, CancellationToken.None).ConfigureAwait(false);
        if (stored > 0)
        {
            work.File.Compresses = compression == BlobCompression.Zstd;
            Interlocked.Add(ref _dataAdded, work.Length);
            _progress.AddStored(stored);
        }

        work.File.Set(work.Slot, id);
    }
}
