using System.Collections.Concurrent;
using Arca.Control.Backup;
using Arca.Control.Backup.Vaults;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>
/// A test double of the vault service's <see cref="IBackupVaults"/>: engine vaults over <see cref="MemoryBlobStore"/>s with
/// a local key file, a vault document where <see cref="StoredVaultCatalog"/> looks, an optional lock, and a switch that
/// makes the vault's key unusable as a disabled KMS key would.
/// </summary>
internal sealed class InMemoryBackupVaults(RegionSet regions, TimeProvider time, string keyDirectory) : IBackupVaults
{
    private readonly ConcurrentDictionary<string, Entry> _vaults = new(StringComparer.Ordinal);

    public async Task<OpenedBackupVault> AddAsync(string accountId, string region, string name, VaultLockSettings? vaultLock = null)
    {
        Directory.CreateDirectory(keyDirectory);
        LocalKeyFile key = LocalKeyFile.LoadOrCreate(Path.Combine(keyDirectory, $"{accountId}-{region}-{name}.key"), out _);
        Vault vault = await Vault.InitAsync(new MemoryBlobStore(), key, new VaultInitOptions(), time);
        string arn = Arn.BackupVault(region, accountId, name).ToString();
        var opened = new OpenedBackupVault(accountId, region, name, arn, Arn.KmsKey(region, accountId, "1234abcd-12ab-34cd-56ef-1234567890ab").ToString(), vaultLock, vault);
        _vaults[Key(accountId, region, name)] = new Entry(opened);
        await regions.Get(region).Store.TransactAsync(tx => tx.PutAsync(StoredVaultCatalog.Collection, StoredVaultCatalog.Key(accountId, name), "{}", new IndexFields(accountId)));
        return opened;
    }

    public void DisableKey(string accountId, string region, string name) => _vaults[Key(accountId, region, name)].Disabled = true;

    public OpenedBackupVault Get(string accountId, string region, string name) => _vaults[Key(accountId, region, name)].Vault;

    public Task<OpenedBackupVault> OpenAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default)
    {
        if (!_vaults.TryGetValue(Key(accountId, region, vaultName), out Entry? entry))
        {
            throw BackupErrors.ResourceNotFound($"Backup vault {vaultName} not found");
        }

        return entry.Disabled ? throw new KmsKeyUnavailableException() : Task.FromResult(entry.Vault);
    }

    public Task<OpenedBackupVault> OpenByArnAsync(string vaultArn, CancellationToken cancellationToken = default)
    {
        Arn arn = Arn.Parse(vaultArn);
        return OpenAsync(arn.Account, arn.Region, arn.ResourceId, cancellationToken);
    }

    private static string Key(string accountId, string region, string name) => $"{region}/{accountId}/{name}";

    private sealed class Entry(OpenedBackupVault vault)
    {
        public OpenedBackupVault Vault { get; } = vault;

        public bool Disabled { get; set; }
    }
}
