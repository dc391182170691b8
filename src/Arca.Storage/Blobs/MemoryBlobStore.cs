using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Arca.Storage.Blobs;

/// <summary>An in-memory blob store for tests and for the data plane's own test suite.</summary>
public sealed class MemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public string Location => "memory";

    /// <summary>Number of objects held.</summary>
    public int Count => _objects.Count;

    public ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        BlobKeys.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_objects.TryAdd(key, data.ToArray()));
    }

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Validate(key);
        _objects.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Validate(key);
        return ValueTask.FromResult(Get(key).ToArray());
    }

    public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BlobKeys.Validate(key);
        var data = Get(key);
        if (offset < 0 || offset + buffer.Length > data.Length)
        {
            throw new BlobStoreException($"range {offset}+{buffer.Length} is outside {key} ({data.Length} bytes)");
        }

        data.AsMemory((int)offset, buffer.Length).CopyTo(buffer);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Validate(key);
        return ValueTask.FromResult(_objects.TryGetValue(key, out var data) ? data.Length : (long?)null);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (key, data) in _objects.ToArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return new BlobInfo(key, data.Length);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Replaces an object's bytes behind the store's back (tests of corruption detection).</summary>
    public void Tamper(string key, Func<byte[], byte[]> change) => _objects[key] = change(Get(key).ToArray());

    private byte[] Get(string key) =>
        _objects.TryGetValue(key, out var data) ? data : throw new BlobNotFoundException($"{key} not found in memory store");
}
