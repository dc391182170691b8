namespace Arca.Storage.Blobs;

/// <summary>
/// A blob store that can also create and delete objects. Objects are immutable: once created, the
/// bytes under a key never change until the key is deleted.
/// </summary>
/// <remarks>Thread-safe. Error contract as in <see cref="IBlobReader"/>.</remarks>
public interface IBlobStore : IBlobReader
{
    /// <summary>
    /// Creates <paramref name="key"/> with <paramref name="data"/> if no object has that key.
    /// Returns true when this call created it; false when the key already existed (the existing
    /// object is left untouched). When it returns true the object is durable: it survives a crash
    /// of this process or of the machine. A failed or cancelled call leaves either no object or the
    /// complete object, never a partial one.
    /// </summary>
    ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object. Idempotent: deleting a missing key succeeds.</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default);
}
