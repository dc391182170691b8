using System.Globalization;
using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// The recovery point API (docs/design/backup-service.md §3): DescribeRecoveryPoint, UpdateRecoveryPointLifecycle and
/// DeleteRecoveryPoint here, the listings in <c>RecoveryPointService.Listing.cs</c>. Every operation on a recovery point is
/// authorized on its ARN with its vault's access policy (a Deny on backup:DeleteRecoveryPoint holds even for the account root).
/// </summary>
/// <remarks>
/// Thread-safe. Vault lock: a configured lock refuses deleting a recovery point before its creation date plus MinRetentionDays
/// and lifecycles whose DeleteAfterDays lies outside [MinRetentionDays, MaxRetentionDays] (InvalidRequestException). Cold
/// storage: DeleteAfterDays must be at least MoveToColdStorageAfterDays + 90, and a recovery point in cold storage keeps its
/// MoveToColdStorageAfterDays.
/// </remarks>
public sealed partial class RecoveryPointService
{
    private readonly RegionSet _regions;
    private readonly Authorizer _authorizer;
    private readonly VaultAccess _access;
    private readonly RecoveryPointRemoval _removal;
    private readonly VaultMaintenanceQueue _maintenance;
    private readonly PageTokens _tokens;
    private readonly TimeProvider _time;

    public RecoveryPointService(
        RegionSet regions, Authorizer authorizer, BackupVaults vaults, VaultMaintenanceQueue maintenance, PageTokens tokens, TimeProvider time)
    {
        _regions = regions;
        _authorizer = authorizer;
        _access = new VaultAccess(regions, authorizer);
        _removal = new RecoveryPointRemoval(vaults);
        _maintenance = maintenance;
        _tokens = tokens;
        _time = time;
    }

    public async Task<RecoveryPointDescription> DescribeAsync(
        CallerIdentity caller, string? vaultName, string? recoveryPointArn, string? vaultAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        (VaultDocument vault, RecoveryPointDocument entry) = await AuthorizeAsync(caller, vaultName, recoveryPointArn, "backup:DescribeRecoveryPoint", vaultAccountId, cancellationToken)
            .ConfigureAwait(false);
        return Describe(entry.RecoveryPoint, vault.EncryptionKeyType);
    }

    /// <summary>Replaces the lifecycle (absent members mean never), returning it with its instants.</summary>
    public async Task<RecoveryPointLifecycleUpdate> UpdateLifecycleAsync(
        CallerIdentity caller, string? vaultName, string? recoveryPointArn, Lifecycle? lifecycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Lifecycle wanted = ValidLifecycle(lifecycle);
        (VaultDocument vault, RecoveryPointDocument entry) = await AuthorizeAsync(caller, vaultName, recoveryPointArn, "backup:UpdateRecoveryPointLifecycle", null, cancellationToken)
            .ConfigureAwait(false);
        RecoveryPointRecord rp = entry.RecoveryPoint;
        if (rp.Status is not (RecoveryPointCatalog.Completed or "PARTIAL" or "AVAILABLE"))
        {
            throw BackupErrors.InvalidRequest($"Recovery point {rp.RecoveryPointArn} is {rp.Status}; its lifecycle cannot be changed");
        }

        if (rp.StorageClass == "COLD" && wanted.MoveToColdStorageAfterDays != rp.Lifecycle?.MoveToColdStorageAfterDays)
        {
            throw BackupErrors.InvalidRequest(
                $"Lifecycle.MoveToColdStorageAfterDays: recovery point {rp.RecoveryPointArn} has already moved to cold storage, so its MoveToColdStorageAfterDays ({Days(rp.Lifecycle?.MoveToColdStorageAfterDays)}) cannot be changed");
        }

        CheckLock(vault, wanted);
        Lifecycle? stored = wanted is { MoveToColdStorageAfterDays: null, DeleteAfterDays: null, OptInToArchiveForSupportedResources: null } ? null : wanted;
        RecoveryPointDocument updated = await RecoveryPointCatalog.UpdateAsync(_regions.Get(caller.Region), entry, r => r with { Lifecycle = stored }, cancellationToken)
            .ConfigureAwait(false) ?? throw VaultErrors.RecoveryPointNotFound(rp.RecoveryPointArn, vault.BackupVaultName);
        return new RecoveryPointLifecycleUpdate(
            vault.BackupVaultArn, rp.RecoveryPointArn, stored, CalculatedLifecycle.From(updated.RecoveryPoint.CreationDate, stored));
    }

    /// <summary>
    /// Deletes the recovery point from the engine and the catalog (its data goes at the vault's next garbage collection, which
    /// this requests). When the engine is busy the recovery point stays DELETING and the sweeper finishes it.
    /// </summary>
    public async Task DeleteAsync(CallerIdentity caller, string? vaultName, string? recoveryPointArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        (VaultDocument vault, RecoveryPointDocument entry) = await AuthorizeAsync(caller, vaultName, recoveryPointArn, "backup:DeleteRecoveryPoint", null, cancellationToken)
            .ConfigureAwait(false);
        RecoveryPointRecord rp = entry.RecoveryPoint;
        if (vault.Lock is { MinRetentionDays: long min } && rp.CreationDate.AddDays(min) is var until && _time.GetUtcNow() < until)
        {
            throw BackupErrors.InvalidRequest(
                $"Recovery point {rp.RecoveryPointArn} cannot be deleted: backup vault {vault.BackupVaultName} is locked with a minimum retention of {min} days, which keeps it until {Instant(until)}");
        }

        await _removal.RemoveAsync(_regions.Get(caller.Region), vault, entry, cancellationToken).ConfigureAwait(false);
        _maintenance.Request();
    }

    internal static RecoveryPointDescription Describe(RecoveryPointRecord rp, string encryptionKeyType) =>
        new(rp, CalculatedLifecycle.From(rp.CreationDate, rp.Lifecycle), encryptionKeyType);

    private async Task<(VaultDocument Vault, RecoveryPointDocument Entry)> AuthorizeAsync(
        CallerIdentity caller, string? vaultName, string? recoveryPointArn, string action, string? vaultAccountId, CancellationToken cancellationToken)
    {
        VaultNames.Validate(vaultName);
        Arn arn = RecoveryPointArns.Validate(recoveryPointArn);
        VaultDocument vault = await _access.AuthorizeAsync(caller, vaultName, action, arn.ToString(), vaultAccountId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        RecoveryPointDocument entry = await RecoveryPointCatalog.GetDocumentAsync(_regions.Get(caller.Region), caller.AccountId, vault.BackupVaultName, arn.ToString(), cancellationToken)
            .ConfigureAwait(false) ?? throw VaultErrors.RecoveryPointNotFound(arn.ToString(), vault.BackupVaultName);
        return (vault, entry);
    }

    private static Lifecycle ValidLifecycle(Lifecycle? lifecycle)
    {
        Lifecycle wanted = lifecycle ?? new Lifecycle();
        CheckDays(wanted.MoveToColdStorageAfterDays, "MoveToColdStorageAfterDays");
        CheckDays(wanted.DeleteAfterDays, "DeleteAfterDays");
        if (wanted is { MoveToColdStorageAfterDays: long cold, DeleteAfterDays: long delete } && delete < cold + Lifecycle.MinColdStorageDays)
        {
            throw BackupErrors.InvalidParameterValue(
                $"Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than {Lifecycle.MinColdStorageDays} days apart from MoveToColdStorageAfterDays ({delete} < {cold} + {Lifecycle.MinColdStorageDays})");
        }

        return wanted;
    }

    private static void CheckDays(long? days, string member)
    {
        if (days is < Lifecycle.MinDays or > Lifecycle.MaxDays)
        {
            throw BackupErrors.InvalidParameterValue(
                $"Lifecycle.{member}: Invalid lifecycle. {member} cannot be less than {Lifecycle.MinDays} or more than {Lifecycle.MaxDays} days");
        }
    }

    private static void CheckLock(VaultDocument vault, Lifecycle wanted)
    {
        if (vault.Lock is not { } l)
        {
            return;
        }

        if (l.MinRetentionDays is long min && wanted.DeleteAfterDays is long shorter && shorter < min)
        {
            throw BackupErrors.InvalidRequest(
                $"Lifecycle.DeleteAfterDays: {shorter} days is less than the minimum retention of {min} days of backup vault {vault.BackupVaultName}, which is locked");
        }

        if (l.MaxRetentionDays is long max && (wanted.DeleteAfterDays is null || wanted.DeleteAfterDays > max))
        {
            throw BackupErrors.InvalidRequest(
                $"Lifecycle.DeleteAfterDays: {(wanted.DeleteAfterDays is null ? "keeping the recovery point forever" : Days(wanted.DeleteAfterDays))} exceeds the maximum retention of {max} days of backup vault {vault.BackupVaultName}, which is locked");
        }
    }

    private static string Days(long? days) => days is long d ? d.ToString(CultureInfo.InvariantCulture) + " days" : "never";

    private static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
