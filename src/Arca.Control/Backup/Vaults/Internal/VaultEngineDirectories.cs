using Arca.Control.Metadata;
using Arca.Control.Regions;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// The engine directories of backup vaults (<c>regions/REGION/vaults/ACCOUNT/ENGINE-ID</c>) and the crash safety around them:
/// a directory is recorded in <c>vault-engines</c> before it is created and before it is removed, and the record goes away in
/// the transaction that finishes the step. A record left behind by a crash names a directory no vault document uses, which
/// <see cref="CleanUpAsync"/> removes (at the next create of the same name, and at start-up).
/// </summary>
/// <remarks>
/// Thread-safe. Callers hold <see cref="Locks"/> for the vault's name around every step; <see cref="CleanUpAsync"/> over all
/// names takes each name's lock itself.
/// </remarks>
internal sealed class VaultEngineDirectories(TimeProvider time)
{
    public VaultNameLocks Locks { get; } = new();

    public static string PathOf(Region region, string accountId, string engineId) => Path.Combine(region.VaultDirectory(accountId), engineId);

    /// <summary>Records a new engine directory for vault <paramref name="name"/> and returns its id (the directory does not exist yet).</summary>
    public async Task<string> BeginCreateAsync(Region region, string accountId, string name, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        string engineId = Guid.CreateVersion7(now).ToString("N");
        var record = new VaultEngineDocument
        {
            AccountId = accountId,
            BackupVaultName = name,
            EngineId = engineId,
            State = VaultEngineDocument.Creating,
            Since = now,
        };
        await region.Store.TransactAsync(tx => VaultCollections.Engines.InsertAsync(tx, record), cancellationToken).ConfigureAwait(false);
        return engineId;
    }

    /// <summary>Removes a directory and its record (a failed create, or the second half of a vault's deletion).</summary>
    public static async Task RemoveAsync(Region region, string accountId, string engineId, CancellationToken cancellationToken)
    {
        DeleteDirectory(PathOf(region, accountId, engineId));
        await region.Store.TransactAsync(
            tx => VaultCollections.Engines.DeleteAsync(tx, $"{accountId}/{engineId}"), CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Finishes what crashes left: removes every recorded directory (of <paramref name="accountId"/> and vault <paramref name="name"/>
    /// when given; the caller then holds that name's lock) that no vault document uses. Returns how many directories were removed.
    /// </summary>
    public async Task<int> CleanUpAsync(Region region, string? accountId, string? name, CancellationToken cancellationToken)
    {
        IReadOnlyList<VaultEngineDocument> records = await region.Store.TransactAsync(
            tx => VaultCollections.Engines.ListAsync(tx, accountId is null ? DocumentQuery.All : new DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId }),
            cancellationToken).ConfigureAwait(false);
        int removed = 0;
        foreach (VaultEngineDocument record in records.Where(r => name is null || r.BackupVaultName == name))
        {
            using IDisposable? held = name is null
                ? await Locks.AcquireAsync(region.Name, record.AccountId, record.BackupVaultName, cancellationToken).ConfigureAwait(false)
                : null;
            if (!await region.Store.TransactAsync(
                async tx => await VaultCollections.Engines.GetAsync(tx, $"{record.AccountId}/{record.EngineId}").ConfigureAwait(false) is not null,
                cancellationToken).ConfigureAwait(false))
            {
                continue; // finished meanwhile by the operation that held the lock
            }

            bool inUse = await region.Store.TransactAsync(async tx =>
            {
                StoredDocument? doc = await tx.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(record.AccountId, record.BackupVaultName)).ConfigureAwait(false);
                return doc is not null && VaultCollections.TryRead(doc.Json)?.EngineId == record.EngineId;
            }, cancellationToken).ConfigureAwait(false);
            if (inUse)
            {
                await region.Store.TransactAsync(tx => VaultCollections.Engines.DeleteAsync(tx, $"{record.AccountId}/{record.EngineId}"), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RemoveAsync(region, record.AccountId, record.EngineId, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        return removed;
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: a crash after the removal, or a create that failed before the directory existed.
        }
    }
}
