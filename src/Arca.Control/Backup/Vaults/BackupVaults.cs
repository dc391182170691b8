using System.Collections.Concurrent;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Blobs;
using Arca.Storage.Repository;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// <see cref="IBackupVaults"/> over the <c>vaults</c> documents: opens a vault's engine vault in its directory with
/// <see cref="KeyResolver.ProviderFor"/>, and keeps it open for later calls (one engine <see cref="Vault"/> per vault and engine
/// directory, shared by every caller). Every open checks again, through <see cref="KeyResolver.ResolveAsync"/>, that the backup
/// service may still use the vault's key, so a key disabled, pending deletion or denied after the first open stops later jobs
/// with AWS Backup's message (<see cref="KmsKeyUnavailableException"/>).
/// </summary>
/// <remarks>
/// Thread-safe: concurrent opens of one vault share one engine open; a failed open is not cached. Engine errors
/// (<see cref="VaultException"/>, <see cref="VaultCorruptionException"/>) are server faults and propagate as they are.
/// </remarks>
public sealed class BackupVaults(RegionSet regions, KeyResolver keys, TimeProvider time) : IBackupVaults
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Vault>>> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _maintenance = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<OpenedBackupVault> OpenAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(vaultName);
        if (!regions.Serves(region))
        {
            throw VaultErrors.VaultNotFound(accountId, region, vaultName);
        }

        Region served = regions.Get(region);
        StoredDocument? stored = await served.Store.TransactAsync(
            tx => tx.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(accountId, vaultName)), cancellationToken).ConfigureAwait(false);
        VaultDocument vault = (stored is null ? null : VaultCollections.TryRead(stored.Json))
            ?? throw VaultErrors.VaultNotFound(accountId, region, vaultName);
        return await OpenAsync(served, vault, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<OpenedBackupVault> OpenByArnAsync(string vaultArn, CancellationToken cancellationToken = default)
    {
        if (!Arn.TryParse(vaultArn, out Arn? arn, out string? reason) || arn.Kind != ArnKind.BackupVault)
        {
            throw BackupErrors.InvalidParameterValue($"BackupVaultArn: '{VaultNames.Cut(vaultArn ?? string.Empty)}' is not a backup vault ARN ({reason ?? "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME"})");
        }

        return OpenAsync(arn.Account, arn.Region, arn.ResourceId, cancellationToken);
    }

    /// <summary>Opens the vault of a document just read, checking its key first.</summary>
    internal async Task<OpenedBackupVault> OpenAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        Vault engine = await EngineAsync(region, vault, cancellationToken).ConfigureAwait(false);
        VaultLockSettings? lockSettings = vault.Lock is { } l ? new VaultLockSettings(l.MinRetentionDays, l.MaxRetentionDays, l.LockDate) : null;
        return new OpenedBackupVault(vault.AccountId, region.Name, vault.BackupVaultName, vault.BackupVaultArn, vault.EncryptionKeyArn, lockSettings, engine);
    }

    /// <summary>The engine vault of a vault document, opened (or taken from the cache) after its key was checked.</summary>
    internal async Task<Vault> EngineAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        await keys.ResolveAsync(vault.AccountId, region.Name, vault.EncryptionKeyArn, cancellationToken).ConfigureAwait(false);
        string key = CacheKey(region, vault.AccountId, vault.EngineId);
        Lazy<Task<Vault>> opening = _open.GetOrAdd(key, _ => new Lazy<Task<Vault>>(() => OpenEngineAsync(region, vault)));
        try
        {
            return await opening.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (opening.Value.IsFaulted)
        {
            _open.TryRemove(new KeyValuePair<string, Lazy<Task<Vault>>>(key, opening));
            throw;
        }
    }

    /// <summary>Creates the engine vault of a new backup vault in its (empty) directory.</summary>
    internal async Task<Vault> InitEngineAsync(Region region, string accountId, string engineId, string keyArn, string vaultArn, CancellationToken cancellationToken)
    {
        string path = VaultEngineDirectories.PathOf(region, accountId, engineId);
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return await Vault.InitAsync(new LocalBlobStore(path), keys.ProviderFor(accountId, keyArn, vaultArn), new VaultInitOptions(), time, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The cached engine vault, when this process opened it (jobs that run hold it).</summary>
    internal Vault? Cached(Region region, string accountId, string engineId) =>
        _open.TryGetValue(CacheKey(region, accountId, engineId), out Lazy<Task<Vault>>? opening)
        && opening.IsValueCreated && opening.Value.IsCompletedSuccessfully ? opening.Value.Result : null;

    /// <summary>
    /// Serializes this process's deletions of recovery points with its garbage collections of the same vault: a deletion waits
    /// for a running collection instead of failing on its exclusive engine lock (which still guards against other processes).
    /// </summary>
    internal SemaphoreSlim MaintenanceGate(Region region, VaultDocument vault) =>
        _maintenance.GetOrAdd(CacheKey(region, vault.AccountId, vault.EngineId), _ => new SemaphoreSlim(1, 1));

    /// <summary>Forgets an engine vault whose directory is going away.</summary>
    internal void Evict(Region region, string accountId, string engineId)
    {
        string key = CacheKey(region, accountId, engineId);
        _open.TryRemove(key, out _);
        _maintenance.TryRemove(key, out _); // engine ids are never reused, so no later vault shares this gate
    }

    private static string CacheKey(Region region, string accountId, string engineId) => $"{region.Name}/{accountId}/{engineId}";

    private async Task<Vault> OpenEngineAsync(Region region, VaultDocument vault)
    {
        var store = new LocalBlobStore(VaultEngineDirectories.PathOf(region, vault.AccountId, vault.EngineId));
        return await Vault.OpenAsync(store, keys.ProviderFor(vault.AccountId, vault.EncryptionKeyArn, vault.BackupVaultArn), time).ConfigureAwait(false);
    }
}
