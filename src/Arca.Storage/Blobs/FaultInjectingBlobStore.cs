using System.Runtime.CompilerServices;

namespace Arca.Storage.Blobs;

/// <summary>
/// A decorator that injects faults, for tests of everything above the blob store: transient errors
/// on chosen calls, and a simulated crash after a number of writes (from then on every call fails,
/// as if the process had died; what was written before stays).
/// </summary>
public sealed class FaultInjectingBlobStore : IBlobStore
{
    private readonly IBlobStore _inner;
    private readonly Lock _gate = new();
    private long _writes;
    private long _calls;

    public FaultInjectingBlobStore(IBlobStore inner) => _inner = inner;

    /// <summary>Crash after this many successful creates and deletes (null: never).</summary>
    public long? CrashAfterWrites { get; set; }

    /// <summary>Decides, for each call number (1-based, all operations), whether it fails transiently.</summary>
    public Func<long, string, bool>? TransientFailure { get; set; }

    /// <summary>True once the simulated crash has happened.</summary>
    public bool Crashed { get; private set; }

    /// <summary>Number of creates and deletes that reached the inner store.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public string Location => _inner.Location;

    public async ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        BeforeWrite(key);
        var created = await _inner.TryCreateAsync(key, data, cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BeforeWrite(key);
        await _inner.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default)
    {
        BeforeRead(key);
        return _inner.ReadAllAsync(key, cancellationToken);
    }

    public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeforeRead(key);
        return _inner.ReadRangeAsync(key, offset, buffer, cancellationToken);
    }

    public void Prefetch(string key) => _inner.Prefetch(key);

    public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        BeforeRead(key);
        return _inner.GetSizeAsync(key, cancellationToken);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BeforeRead(prefix);
        await foreach (var info in _inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return info;
        }
    }

    private void BeforeRead(string key)
    {
        lock (_gate)
        {
            ThrowIfCrashed();
            MaybeTransient(key);
        }
    }

    private void BeforeWrite(string key)
    {
        lock (_gate)
        {
            ThrowIfCrashed();
            MaybeTransient(key);
            if (CrashAfterWrites is { } limit && _writes >= limit)
            {
                Crashed = true;
                ThrowIfCrashed();
            }

            _writes++;
        }
    }

    private void MaybeTransient(string key)
    {
        var call = ++_calls;
        if (TransientFailure?.Invoke(call, key) == true)
        {
            throw new TransientBlobStoreException($"injected transient failure on call {call} ({key})");
        }
    }

    private void ThrowIfCrashed()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException();
        }
    }
}
