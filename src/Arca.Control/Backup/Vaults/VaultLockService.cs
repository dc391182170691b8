using System.Globalization;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// Vault Lock: PutBackupVaultLockConfiguration, DeleteBackupVaultLockConfiguration. Bounds: MinRetentionDays and
/// MaxRetentionDays 1–36500 with Min ≤ Max; ChangeableForDays 3–36500 sets LockDate = now + ChangeableForDays (the 72-hour
/// cooling-off period at least). Before LockDate, or without ChangeableForDays (governance mode), the lock can be changed or
/// deleted; on and after LockDate (compliance mode) both are refused with InvalidRequestException.
/// </summary>
/// <remarks>
/// Thread-safe. While a lock is configured the vault refuses deleting a recovery point before its creation date plus
/// MinRetentionDays and lifecycles outside [Min, Max] (<see cref="RecoveryPoints.RecoveryPointService"/>), and the lifecycle
/// sweeper keeps recovery points cataloged after the lock was first applied until creation + MinRetentionDays.
/// </remarks>
public sealed class VaultLockService(RegionSet regions, Authorizer authorizer, TimeProvider time)
{
    /// <summary>The shortest ChangeableForDays: AWS's 72-hour cooling-off period.</summary>
    public const long MinChangeableForDays = 3;

    private readonly VaultAccess _access = new(regions, authorizer);

    public async Task PutAsync(
        CallerIdentity caller, string? vaultName, long? minRetentionDays, long? maxRetentionDays, long? changeableForDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultNames.Validate(vaultName);
        CheckDays(minRetentionDays, "MinRetentionDays", Lifecycle.MinDays);
        CheckDays(maxRetentionDays, "MaxRetentionDays", Lifecycle.MinDays);
        if (minRetentionDays > maxRetentionDays)
        {
            throw BackupErrors.InvalidParameterValue(
                $"MinRetentionDays: {minRetentionDays} must not be greater than MaxRetentionDays ({maxRetentionDays})");
        }

        CheckDays(changeableForDays, "ChangeableForDays", MinChangeableForDays, " (the 72-hour cooling-off period before the lock becomes immutable)");
        VaultDocument vault = await _access.AuthorizeAsync(caller, vaultName, "backup:PutBackupVaultLockConfiguration", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await ChangeAsync(caller, vault, (current, now) => new VaultLockDocument
        {
            MinRetentionDays = minRetentionDays,
            MaxRetentionDays = maxRetentionDays,
            LockDate = changeableForDays is long days ? now.AddDays(days) : null,
            AppliedAt = current?.AppliedAt ?? now,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the lock before its LockDate; succeeds when there is none.</summary>
    public async Task DeleteAsync(CallerIdentity caller, string? vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultDocument vault = await _access.AuthorizeAsync(caller, vaultName, "backup:DeleteBackupVaultLockConfiguration", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await ChangeAsync(caller, vault, (_, _) => null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ChangeAsync(
        CallerIdentity caller, VaultDocument vault, Func<VaultLockDocument?, DateTimeOffset, VaultLockDocument?> change, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            VaultDocument current = await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(vault.AccountId, vault.BackupVaultName)).ConfigureAwait(false)
                ?? throw VaultErrors.VaultNotFound(vault.AccountId, caller.Region, vault.BackupVaultName);
            if (current.Lock is { } existing && existing.IsImmutableAt(now))
            {
                throw BackupErrors.InvalidRequest(
                    $"Backup vault {current.BackupVaultName} is locked in compliance mode since {Format(existing.LockDate!.Value)}; its vault lock can no longer be changed or deleted");
            }

            await VaultCollections.Vaults.PutAsync(tx, current with { Lock = change(current.Lock, now) }).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckDays(long? days, string field, long min, string why = "")
    {
        if (days is long value && (value < min || value > Lifecycle.MaxDays))
        {
            throw BackupErrors.InvalidParameterValue($"{field}: {value} must be between {min} and {Lifecycle.MaxDays}{why}");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
