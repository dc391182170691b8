namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// Serializes creating, deleting and cleaning up one vault name in this process (striped, so memory stays bounded): an engine
/// directory being created is never mistaken for one a crash left behind.
/// </summary>
internal sealed class VaultNameLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the lock of (<paramref name="region"/>, <paramref name="accountId"/>, <paramref name="name"/>); dispose to release.</summary>
    public async Task<IDisposable> AcquireAsync(string region, string accountId, string name, CancellationToken cancellationToken)
    {
        SemaphoreSlim stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode($"{region}/{accountId}/{name}") % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
