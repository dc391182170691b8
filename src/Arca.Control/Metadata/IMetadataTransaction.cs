namespace Arca.Control.Metadata;

/// <summary>Operations inside one transaction. Not thread-safe: use it from the transaction's delegate only.</summary>
public interface IMetadataTransaction
{
    Task<StoredDocument?> GetAsync(string collection, string key);

    /// <summary>Creates a document; returns false (and changes nothing) when the key exists.</summary>
    Task<bool> InsertAsync(string collection, string key, string json, IndexFields index);

    /// <summary>
    /// Creates or replaces a document. With <paramref name="expectedVersion"/>, throws
    /// <see cref="MetadataConflictException"/> unless the stored version equals it (0: must not exist).
    /// Returns the new version.
    /// </summary>
    Task<long> PutAsync(string collection, string key, string json, IndexFields index, long? expectedVersion = null);

    /// <summary>Deletes a document; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string collection, string key);

    /// <summary>Documents of a collection in ascending key order, filtered and paged by <paramref name="query"/>.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, DocumentQuery query);
}
