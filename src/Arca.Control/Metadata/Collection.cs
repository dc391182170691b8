using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Arca.Control.Metadata;

/// <summary>
/// Typed access to one collection: (de)serializes <typeparamref name="T"/> with a source-generated
/// type and derives the key and index fields from the value.
/// </summary>
public sealed class Collection<T>(string name, JsonTypeInfo<T> type, Func<T, string> key, Func<T, IndexFields>? index = null)
    where T : class
{
    public string Name { get; } = name;

    public string KeyOf(T value) => key(value);

    public async Task<T?> GetAsync(IMetadataTransaction tx, string documentKey)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var doc = await tx.GetAsync(Name, documentKey).ConfigureAwait(false);
        return doc is null ? null : Deserialize(doc);
    }

    public Task<bool> InsertAsync(IMetadataTransaction tx, T value)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.InsertAsync(Name, key(value), JsonSerializer.Serialize(value, type), IndexOf(value));
    }

    public Task<long> PutAsync(IMetadataTransaction tx, T value, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.PutAsync(Name, key(value), JsonSerializer.Serialize(value, type), IndexOf(value), expectedVersion);
    }

    public Task<bool> DeleteAsync(IMetadataTransaction tx, string documentKey)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.DeleteAsync(Name, documentKey);
    }

    public async Task<IReadOnlyList<T>> ListAsync(IMetadataTransaction tx, DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var docs = await tx.ListAsync(Name, query).ConfigureAwait(false);
        return [.. docs.Select(Deserialize)];
    }

    private IndexFields IndexOf(T value) => index?.Invoke(value) ?? IndexFields.None;

    private T Deserialize(StoredDocument doc) =>
        JsonSerializer.Deserialize(doc.Json, type) ?? throw new InvalidOperationException($"{Name}/{doc.Key} holds null");
}
