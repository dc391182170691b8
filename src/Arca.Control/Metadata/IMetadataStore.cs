namespace Arca.Control.Metadata;

/// <summary>
/// The control plane's metadata: collections of JSON documents addressed by (collection, key),
/// each with a version and up to three string index fields (docs/design/server.md §3).
/// SQLite in the embedded default, PostgreSQL at scale; every implementation passes
/// <c>MetadataStoreConformance</c>.
/// </summary>
/// <remarks>Thread-safe. All access is through serializable transactions.</remarks>
public interface IMetadataStore : IAsyncDisposable
{
    /// <summary>
    /// Runs <paramref name="work"/> in one serializable transaction and commits it when the
    /// delegate returns; an exception rolls everything back. The delegate may be retried after a
    /// serialization conflict, so it must not have side effects outside the transaction.
    /// </summary>
    Task<T> TransactAsync<T>(Func<IMetadataTransaction, Task<T>> work, CancellationToken cancellationToken = default);
}
