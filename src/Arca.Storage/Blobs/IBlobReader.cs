namespace Arca.Storage.Blobs;

/// <summary>
/// Read access to a blob store: a flat namespace of immutable objects addressed by keys such as
/// <c>data/ab/ab12…</c>. Restore and verify code takes this interface and therefore cannot write.
/// </summary>
/// <remarks>
/// Implementations are safe for concurrent use by many threads. Keys are relative, use <c>/</c> as
/// the separator and contain only <c>[A-Za-z0-9._-/]</c>. Errors: <see cref="BlobNotFoundException"/>
/// when the key does not exist (permanent); <see cref="TransientBlobStoreException"/> for failures a
/// retry may cure (timeouts, throttling, connection resets); <see cref="BlobStoreException"/> for
/// every other failure (permanent).
/// </remarks>
public interface IBlobReader
{
    /// <summary>A human-readable location of the store, used in error messages (a path or URL; never a secret).</summary>
    string Location { get; }

    /// <summary>Reads a whole object.</summary>
    ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <paramref name="buffer"/>.Length bytes starting at <paramref name="offset"/>. Throws
    /// <see cref="BlobStoreException"/> when the object is shorter than the requested range.
    /// </summary>
    ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default);

    /// <summary>Size of an object, or null when it does not exist.</summary>
    ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists objects whose key starts with <paramref name="prefix"/>, in no particular order. An object
    /// whose creation completed before the call starts is always listed (read-after-write listing).
    /// </summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// A hint that <paramref name="key"/> will be read soon, so a store may start fetching it (the local
    /// store asks the kernel to read the file ahead). Never fails and changes nothing; the default does
    /// nothing. Decorators pass it on.
    /// </summary>
    void Prefetch(string key)
    {
    }
}
