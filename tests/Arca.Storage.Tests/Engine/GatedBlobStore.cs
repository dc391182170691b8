using System.Runtime.CompilerServices;
using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A store that holds the first write its predicate picks (operation "create" or "delete", and key)
/// until the test opens the gate, so a test can act while an operation is stopped at a known point.
/// </summary>
internal sealed class GatedBlobStore(IBlobStore inner, Func<string, string, bool> holds) : IBlobStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the held write has arrived (and waits at the gate).</summary>
    public Task Reached => _reached.Task;

    public string Location => inner.Location;

    public void Open() => _open.TrySetResult();

    public async ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await GateAsync("create", key);
        return await inner.TryCreateAsync(key, data, cancellationToken);
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await GateAsync("delete", key);
        await inner.DeleteAsync(key, cancellationToken);
    }

    public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAllAsync(key, cancellationToken);

    public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadRangeAsync(key, offset, buffer, cancellationToken);

    public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default) => inner.GetSizeAsync(key, cancellationToken);

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var info in inner.ListAsync(prefix, cancellationToken))
        {
            yield return info;
        }
    }

    private async Task GateAsync(string operation, string key)
    {
        if (holds(operation, key) && Interlocked.Exchange(ref _held, 1) == 0)
        {
            _reached.TrySetResult();
            await _open.Task;
        }
    }
}
