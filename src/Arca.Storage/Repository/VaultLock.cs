using System.Security.Cryptography;
using System.Text.Json;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Platform;

namespace Arca.Storage.Repository;

/// <summary>
/// A shared or exclusive lock on a vault (vault-format.md §8): create the own lock object, then
/// list the others; on conflict remove the own one and fail. Refreshed every
/// <see cref="RefreshInterval"/>; stale after <see cref="StaleAfter"/> or when its process is gone.
/// </summary>
public sealed class VaultLock : IAsyncDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan CommitDeadline = TimeSpan.FromMinutes(15);
    private readonly Vault _vault;
    private readonly LockRecord _record;
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private string _key;
    private DateTimeOffset _refreshed;
    private bool _released;

    private VaultLock(Vault vault, LockRecord record, string key)
    {
        _vault = vault;
        _record = record;
        _key = key;
        _refreshed = record.Time;
        _timer = vault.Time.CreateTimer(_ => _ = RefreshAsync(), null, RefreshInterval, RefreshInterval);
    }

    /// <summary>Takes a lock. Throws <see cref="VaultException"/> naming the holder when a conflicting lock exists.</summary>
    public static async Task<VaultLock> AcquireAsync(Vault vault, bool exclusive, string operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var record = new LockRecord(exclusive, Environment.MachineName, Environment.ProcessId, vault.Time.GetUtcNow(), operation);
        var key = await WriteAsync(vault, record, cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var (otherKey, other) in ReadAllAsync(vault, cancellationToken).ConfigureAwait(false))
            {
                if (otherKey == key || !(exclusive || other is null || other.Exclusive))
                {
                    continue;
                }

                if (other is not null && IsStale(other, vault.Time.GetUtcNow()))
                {
                    await vault.Store.DeleteAsync(otherKey, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new VaultException(other is null
                    ? $"vault {vault.Store.Location} has a lock object {otherKey} this key cannot read"
                    : $"vault {vault.Store.Location} is locked ({(other.Exclusive ? "exclusive" : "shared")}) by {other.Operation} on {other.Host} pid {other.Pid} since {other.Time:u}");
            }
        }
        catch
        {
            await vault.Store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new VaultLock(vault, record, key);
    }

    /// <summary>Removes every stale lock (or every lock when <paramref name="all"/>). Returns how many.</summary>
    public static async Task<int> RemoveStaleAsync(Vault vault, bool all, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var removed = 0;
        await foreach (var (key, record) in ReadAllAsync(vault, cancellationToken).ConfigureAwait(false))
        {
            if (all || record is null || IsStale(record, vault.Time.GetUtcNow()))
            {
                await vault.Store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Throws unless the lock was refreshed recently enough that no one can have removed it as stale;
    /// a writer calls this right before it commits a recovery point.
    /// </summary>
    public void EnsureValidForCommit()
    {
        if (_released || _vault.Time.GetUtcNow() - _refreshed > CommitDeadline)
        {
            throw new VaultException($"the lock on {_vault.Store.Location} was not refreshed for {CommitDeadline.TotalMinutes} minutes; not committing");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _refreshGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _released = true;
            await _vault.Store.DeleteAsync(_key).ConfigureAwait(false);
        }
        catch (BlobStoreException)
        {
            // A lock left behind becomes stale and is removed later.
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task RefreshAsync()
    {
        if (!await _refreshGate.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (_released)
            {
                return;
            }

            var record = _record with { Time = _vault.Time.GetUtcNow() };
            var key = await WriteAsync(_vault, record, CancellationToken.None).ConfigureAwait(false);
            await _vault.Store.DeleteAsync(_key).ConfigureAwait(false);
            _key = key;
            _refreshed = record.Time;
        }
        catch (BlobStoreException)
        {
            // Retried at the next tick; EnsureValidForCommit refuses to commit if refreshes keep failing.
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private static bool IsStale(LockRecord record, DateTimeOffset now) =>
        now - record.Time > StaleAfter ||
        (record.Host == Environment.MachineName && record.Pid != Environment.ProcessId && !Posix.ProcessExists(record.Pid));

    private static async Task<string> WriteAsync(Vault vault, LockRecord record, CancellationToken cancellationToken)
    {
        using var aead = vault.Reader.Keys.CreateAead();
        var sealedRecord = aead.Seal(JsonSerializer.SerializeToUtf8Bytes(record, FormatJson.Default.LockRecord), AssociatedData.Lock);
        var key = FormatIds.LocksPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await vault.Store.TryCreateAsync(key, sealedRecord, cancellationToken).ConfigureAwait(false);
        return key;
    }

    private static async IAsyncEnumerable<(string Key, LockRecord? Record)> ReadAllAsync(Vault vault, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in vault.Store.ListAsync(FormatIds.LocksPrefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(info.Key);
        }

        foreach (var key in keys)
        {
            byte[] bytes;
            try
            {
                bytes = await vault.Store.ReadAllAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (BlobNotFoundException)
            {
                continue;
            }

            using var aead = vault.Reader.Keys.CreateAead();
            var plain = aead.TryOpen(bytes, AssociatedData.Lock);
            LockRecord? record = null;
            if (plain is not null)
            {
                try
                {
                    record = FormatJson.Parse(plain, FormatJson.Default.LockRecord, key);
                }
                catch (FormatException)
                {
                    record = null;
                }
            }

            yield return (key, record);
        }
    }
}
