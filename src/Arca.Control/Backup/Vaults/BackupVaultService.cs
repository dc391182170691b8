using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// Backup vaults (docs/design/backup-service.md §2): CreateBackupVault and DeleteBackupVault here, the reads in
/// <c>BackupVaultService.Queries.cs</c>. A vault is a document in the region's store plus an engine vault in
/// <c>regions/REGION/vaults/ACCOUNT/ENGINE-ID</c> whose master key the vault's KMS key wraps.
/// </summary>
/// <remarks>
/// Thread-safe. Creating writes the engine vault first and the document last, so a vault is visible exactly when both
/// exist; the engine directory of a create that failed or crashed is removed (at once, at the next create of that name, or
/// at start-up). Deleting removes the document first (refused while the vault holds recovery points), then the directory.
/// CreatorRequestId: the same token again for an existing vault of that name returns it (a retried request); any other
/// create of an existing name is AlreadyExistsException.
/// </remarks>
public sealed partial class BackupVaultService
{
    private readonly RegionSet _regions;
    private readonly Authorizer _authorizer;
    private readonly KeyResolver _keys;
    private readonly BackupVaults _vaults;
    private readonly PageTokens _tokens;
    private readonly TimeProvider _time;
    private readonly VaultAccess _access;

    public BackupVaultService(RegionSet regions, Authorizer authorizer, KeyResolver keys, BackupVaults vaults, PageTokens tokens, TimeProvider time)
    {
        _regions = regions;
        _authorizer = authorizer;
        _keys = keys;
        _vaults = vaults;
        _tokens = tokens;
        _time = time;
        _access = new VaultAccess(regions, authorizer);
        Directories = new VaultEngineDirectories(time);
    }

    internal VaultEngineDirectories Directories { get; }

    public async Task<BackupVaultDetails> CreateAsync(CallerIdentity caller, CreateBackupVaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string name = VaultNames.Validate(request.BackupVaultName);
        IReadOnlyDictionary<string, string> tags = TagRules.Validate(request.BackupVaultTags, "BackupVaultTags");
        string? token = ClientTokens.Validate(request.CreatorRequestId);
        Region region = _regions.Get(caller.Region);
        string arn = Arn.BackupVault(region.Name, caller.AccountId, name).ToString();
        await _authorizer.AuthorizeAsync(caller, "backup:CreateBackupVault", arn, cancellationToken: cancellationToken).ConfigureAwait(false);

        using IDisposable held = await Directories.Locks.AcquireAsync(region.Name, caller.AccountId, name, cancellationToken).ConfigureAwait(false);
        if (await ExistingAsync(region, caller.AccountId, name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (token is null || existing.CreatorRequestId != token)
            {
                throw BackupErrors.AlreadyExists($"A backup vault named {name} already exists: {arn}");
            }

            // A retry of the request that created it gets the vault back, but not under another key: a vault's key cannot change.
            bool sameKey = request.EncryptionKeyArn is null
                ? existing.EncryptionKeyType == BackupVaultDetails.AwsOwnedKey
                : await _keys.ResolveAsync(caller.AccountId, region.Name, request.EncryptionKeyArn, cancellationToken).ConfigureAwait(false) == existing.EncryptionKeyArn;
            return sameKey
                ? Details(region, existing)
                : throw BackupErrors.AlreadyExists(
                    $"CreatorRequestId {token} was already used to create backup vault {arn} with encryption key {existing.EncryptionKeyArn} from a different request; use a new CreatorRequestId");
        }

        await Directories.CleanUpAsync(region, caller.AccountId, name, cancellationToken).ConfigureAwait(false);
        string keyArn = await _keys.ResolveAsync(caller.AccountId, region.Name, request.EncryptionKeyArn, cancellationToken).ConfigureAwait(false);
        bool awsManaged = await _keys.IsAwsManagedAsync(region.Name, keyArn, cancellationToken).ConfigureAwait(false);
        string engineId = await Directories.BeginCreateAsync(region, caller.AccountId, name, cancellationToken).ConfigureAwait(false);
        var vault = new VaultDocument
        {
            AccountId = caller.AccountId,
            BackupVaultName = name,
            BackupVaultArn = arn,
            EncryptionKeyArn = keyArn,
            EncryptionKeyType = awsManaged ? BackupVaultDetails.AwsOwnedKey : BackupVaultDetails.CustomerManagedKey,
            EngineId = engineId,
            CreatorRequestId = token,
            CreationDate = _time.GetUtcNow(),
            Tags = tags,
        };
        try
        {
            await _vaults.InitEngineAsync(region, caller.AccountId, engineId, keyArn, arn, cancellationToken).ConfigureAwait(false);
            await CommitAsync(region, vault).ConfigureAwait(false);
        }
        catch
        {
            await VaultEngineDirectories.RemoveAsync(region, caller.AccountId, engineId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return Details(region, vault);
    }

    /// <summary>Deletes an empty vault and its engine directory.</summary>
    /// <exception cref="Errors.AwsServiceException">InvalidRequestException while the vault holds recovery points or a job writes to it.</exception>
    public async Task DeleteAsync(CallerIdentity caller, string? vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultDocument vault = await _access.AuthorizeAsync(caller, vaultName, "backup:DeleteBackupVault", cancellationToken: cancellationToken).ConfigureAwait(false);
        Region region = _regions.Get(caller.Region);
        using IDisposable held = await Directories.Locks.AcquireAsync(region.Name, caller.AccountId, vault.BackupVaultName, cancellationToken).ConfigureAwait(false);

        // A garbage collection of this process is waited for; a job of this process that has the engine vault open holds a
        // shared lock on it while it writes, which refuses the deletion.
        SemaphoreSlim gate = _vaults.MaintenanceGate(region, vault);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var release = new GateRelease(gate);
        Storage.Repository.Vault? engine = _vaults.Cached(region, vault.AccountId, vault.EngineId);
        Storage.Repository.VaultLock? exclusive = null;
        if (engine is not null)
        {
            try
            {
                exclusive = await Storage.Repository.VaultLock.AcquireAsync(engine, exclusive: true, "delete-vault", cancellationToken).ConfigureAwait(false);
            }
            catch (Storage.Repository.VaultException)
            {
                throw BackupErrors.InvalidRequest($"Backup vault {vault.BackupVaultName} is in use by a running job; try again when it has finished");
            }
        }

        try
        {
            await region.Store.TransactAsync(async tx =>
            {
                VaultDocument current = await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(caller.AccountId, vault.BackupVaultName)).ConfigureAwait(false)
                    ?? throw VaultErrors.VaultNotFound(caller.AccountId, region.Name, vault.BackupVaultName);
                IReadOnlyList<StoredDocument> points = await tx.ListAsync(
                    VaultCollections.RecoveryPoints.Name,
                    new DocumentQuery { KeyPrefix = VaultCollections.RecoveryPointPrefix(caller.AccountId, current.BackupVaultName), Limit = 1 }).ConfigureAwait(false);
                if (points.Count > 0 || current.NumberOfRecoveryPoints > 0)
                {
                    // AWS's own message for this case.
                    throw BackupErrors.InvalidRequest($"Backup vault cannot be deleted (contains {Math.Max(current.NumberOfRecoveryPoints, points.Count)} recovery points)");
                }

                await VaultCollections.Vaults.DeleteAsync(tx, VaultCollections.VaultKey(caller.AccountId, current.BackupVaultName)).ConfigureAwait(false);
                await VaultCollections.Engines.PutAsync(tx, new VaultEngineDocument
                {
                    AccountId = current.AccountId,
                    BackupVaultName = current.BackupVaultName,
                    EngineId = current.EngineId,
                    State = VaultEngineDocument.Removing,
                    Since = _time.GetUtcNow(),
                }).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (exclusive is not null)
            {
                await exclusive.DisposeAsync().ConfigureAwait(false);
            }
        }

        _vaults.Evict(region, vault.AccountId, vault.EngineId);
        await VaultEngineDirectories.RemoveAsync(region, vault.AccountId, vault.EngineId, CancellationToken.None).ConfigureAwait(false);
    }

    internal static BackupVaultDetails Details(Region region, VaultDocument vault) => new()
    {
        AccountId = vault.AccountId,
        Region = region.Name,
        BackupVaultName = vault.BackupVaultName,
        BackupVaultArn = vault.BackupVaultArn,
        EncryptionKeyArn = vault.EncryptionKeyArn,
        EncryptionKeyType = vault.EncryptionKeyType,
        CreationDate = vault.CreationDate,
        CreatorRequestId = vault.CreatorRequestId,
        NumberOfRecoveryPoints = vault.NumberOfRecoveryPoints,
        Lock = vault.Lock is { } l ? new VaultLockSettings(l.MinRetentionDays, l.MaxRetentionDays, l.LockDate) : null,
    };

    private static async Task<VaultDocument?> ExistingAsync(Region region, string accountId, string name, CancellationToken cancellationToken)
    {
        StoredDocument? stored = await region.Store.TransactAsync(
            tx => tx.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(accountId, name)), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        return VaultCollections.TryRead(stored.Json)
            ?? throw BackupErrors.AlreadyExists($"A backup vault named {name} already exists in account {accountId} and region {region.Name}");
    }

    private sealed class GateRelease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    /// <summary>The commit point of a create: the document appears and the engine directory's creation record goes, together.</summary>
    private static Task<bool> CommitAsync(Region region, VaultDocument vault) =>
        region.Store.TransactAsync(async tx =>
        {
            if (!await VaultCollections.Vaults.InsertAsync(tx, vault).ConfigureAwait(false))
            {
                throw BackupErrors.AlreadyExists($"A backup vault named {vault.BackupVaultName} already exists: {vault.BackupVaultArn}");
            }

            await VaultCollections.Engines.DeleteAsync(tx, $"{vault.AccountId}/{vault.EngineId}").ConfigureAwait(false);
            return true;
        }, CancellationToken.None);
}
