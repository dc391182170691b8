using Arca.Control.Metadata.Internal;

namespace Arca.Control.Metadata;

/// <summary>
/// An <see cref="IMetadataStore"/> in memory, for unit tests: the same contract as the SQLite store
/// (it passes the same conformance suite), nothing durable.
/// </summary>
/// <remarks>Thread-safe. Transactions run one at a time; an exception undoes every write of the transaction.</remarks>
public sealed class InMemoryMetadataStore : IMetadataStore
{
    private readonly Dictionary<string, SortedDictionary<string, StoredDocument>> _collections = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <inheritdoc/>
    public async Task<T> TransactAsync<T>(Func<IMetadataTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var tx = new Transaction(this);
            try
            {
                T result = await work(tx).ConfigureAwait(false);
                tx.Close();
                return result;
            }
            catch
            {
                tx.Rollback();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    private SortedDictionary<string, StoredDocument> CollectionOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_collections.TryGetValue(name, out SortedDictionary<string, StoredDocument>? docs))
        {
            docs = new SortedDictionary<string, StoredDocument>(KeyOrder.Instance);
            _collections.Add(name, docs);
        }

        return docs;
    }

    private sealed class Transaction(InMemoryMetadataStore store) : IMetadataTransaction
    {
        private readonly List<(string Collection, string Key, StoredDocument? Before)> _undo = [];
        private bool _closed;

        public Task<StoredDocument?> GetAsync(string collection, string key)
        {
            Check(key);
            return Task.FromResult(store.CollectionOf(collection).GetValueOrDefault(key));
        }

        public Task<bool> InsertAsync(string collection, string key, string json, IndexFields index)
        {
            Check(key);
            ArgumentNullException.ThrowIfNull(json);
            SortedDictionary<string, StoredDocument> docs = store.CollectionOf(collection);
            if (docs.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            Write(collection, docs, key, new StoredDocument(key, json, 1, index));
            return Task.FromResult(true);
        }

        public Task<long> PutAsync(string collection, string key, string json, IndexFields index, long? expectedVersion = null)
        {
            Check(key);
            ArgumentNullException.ThrowIfNull(json);
            SortedDictionary<string, StoredDocument> docs = store.CollectionOf(collection);
            long current = docs.TryGetValue(key, out StoredDocument? existing) ? existing.Version : 0;
            if (expectedVersion is { } expected && expected != current)
            {
                throw new MetadataConflictException(
                    $"{collection}/{key} is at version {current}, not the expected {expected}");
            }

            Write(collection, docs, key, new StoredDocument(key, json, current + 1, index));
            return Task.FromResult(current + 1);
        }

        public Task<bool> DeleteAsync(string collection, string key)
        {
            Check(key);
            SortedDictionary<string, StoredDocument> docs = store.CollectionOf(collection);
            if (!docs.TryGetValue(key, out StoredDocument? existing))
            {
                return Task.FromResult(false);
            }

            _undo.Add((collection, key, existing));
            docs.Remove(key);
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, DocumentQuery query)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            DocumentFilter.Validate(collection, query);
            IReadOnlyList<StoredDocument> found = [.. store.CollectionOf(collection).Values
                .Where(doc => DocumentFilter.Matches(query, doc))
                .Take(query.Limit)];
            return Task.FromResult(found);
        }

        public void Close() => _closed = true;

        public void Rollback()
        {
            for (int i = _undo.Count - 1; i >= 0; i--)
            {
                (string collection, string key, StoredDocument? before) = _undo[i];
                SortedDictionary<string, StoredDocument> docs = store.CollectionOf(collection);
                if (before is null)
                {
                    docs.Remove(key);
                }
                else
                {
                    docs[key] = before;
                }
            }

            _closed = true;
        }

        private void Write(string collection, SortedDictionary<string, StoredDocument> docs, string key, StoredDocument doc)
        {
            _undo.Add((collection, key, docs.GetValueOrDefault(key)));
            docs[key] = doc;
        }

        private void Check(string key)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            ArgumentException.ThrowIfNullOrEmpty(key);
        }
    }
}
