using System.Runtime.CompilerServices;

namespace Arca.Storage.Blobs;

/// <summary>
/// Retries calls that fail with <see cref="TransientBlobStoreException"/>, with exponential back-off
/// driven by the given <see cref="TimeProvider"/>. Safe for every operation because creates are
/// conditional and deletes idempotent.
/// </summary>
public sealed class RetryingBlobStore : IBlobStore
{
    private readonly IBlobStore _inner;
    private readonly TimeProvider _time;
    private readonly int _attempts;
    private readonly TimeSpan _firstDelay;

    public RetryingBlobStore(IBlobStore inner, TimeProvider time, int attempts = 5, TimeSpan? firstDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        _inner = inner;
        _time = time;
        _attempts = attempts;
        _firstDelay = firstDelay ?? TimeSpan.FromMilliseconds(100);
    }

    public string Location => _inner.Location;

    public ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        RetryAsync(() => _inner.TryCreateAsync(key, data, cancellationToken), cancellationToken);

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        RetryAsync(() => _inner.DeleteAsync(key, cancellationToken), cancellationToken);

    public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default) =>
        RetryAsync(() => _inner.ReadAllAsync(key, cancellationToken), cancellationToken);

    public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        RetryAsync(() => _inner.ReadRangeAsync(key, offset, buffer, cancellationToken), cancellationToken);

    public void Prefetch(string key) => _inner.Prefetch(key);

    public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default) =>
        RetryAsync(() => _inner.GetSizeAsync(key, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A listing is collected whole before it is returned, so a retry never yields duplicates.
        var items = await RetryAsync(
            async () =>
            {
                var list = new List<BlobInfo>();
                await foreach (var info in _inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
                {
                    list.Add(info);
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var info in items)
        {
            yield return info;
        }
    }

    private async ValueTask RetryAsync(Func<ValueTask> action, CancellationToken cancellationToken) =>
        await RetryAsync(
            async () =>
            {
                await action().ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    private async ValueTask<T> RetryAsync<T>(Func<ValueTask<T>> action, CancellationToken cancellationToken)
    {
        var delay = _firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action().ConfigureAwait(false);
            }
            catch (TransientBlobStoreException) when (attempt < _attempts)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }
}
