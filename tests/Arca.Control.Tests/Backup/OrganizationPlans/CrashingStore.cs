using Arca.Control.Metadata;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>
/// A store that, once armed, fails the next transaction that writes, after its work and before its commit — as a crash there
/// would: nothing of it is committed. Reads pass.
/// </summary>
internal sealed class CrashingStore(IMetadataStore inner) : IMetadataStore
{
    private int _armed;

    public void CrashNextWrite() => Interlocked.Exchange(ref _armed, 1);

    public Task<T> TransactAsync<T>(Func<IMetadataTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        inner.TransactAsync(async tx =>
        {
            var watched = new Watched(tx);
            T result = await work(watched);
            return watched.Wrote && Interlocked.Exchange(ref _armed, 0) == 1 ? throw new CrashException() : result;
        }, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    internal sealed class CrashException : Exception
    {
        public CrashException()
            : base("simulated crash before commit")
        {
        }
    }

    private sealed class Watched(IMetadataTransaction tx) : IMetadataTransaction
    {
        public bool Wrote { get; private set; }

        public Task<StoredDocument?> GetAsync(string collection, string key) => tx.GetAsync(collection, key);

        public Task<bool> InsertAsync(string collection, string key, string json, IndexFields index)
        {
            Wrote = true;
            return tx.InsertAsync(collection, key, json, index);
        }

        public Task<long> PutAsync(string collection, string key, string json, IndexFields index, long? expectedVersion = null)
        {
            Wrote = true;
            return tx.PutAsync(collection, key, json, index, expectedVersion);
        }

        public Task<bool> DeleteAsync(string collection, string key)
        {
            Wrote = true;
            return tx.DeleteAsync(collection, key);
        }

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, DocumentQuery query) => tx.ListAsync(collection, query);
    }
}
