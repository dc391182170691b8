using Arca.Control.Backup.Internal;
using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>ListRecoveryPointsByBackupVault and ListRecoveryPointsByResource.</summary>
public sealed partial class RecoveryPointService
{
    private const int ScanBatch = 200;

    /// <summary>The vault's recovery points (DELETING ones too) in id order, filtered.</summary>
    public async Task<BackupPage<RecoveryPointDescription>> ListByVaultAsync(
        CallerIdentity caller,
        string? vaultName,
        RecoveryPointFilter? filter = null,
        string? nextToken = null,
        int? maxResults = null,
        string? vaultAccountId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RecoveryPointFilter by = filter ?? new RecoveryPointFilter();
        int limit = BackupPaging.Limit(maxResults);
        string name = VaultNames.Validate(vaultName);
        if (by.ResourceArn is { } resourceArn && !Arn.TryParse(resourceArn, out _, out string? reason))
        {
            throw BackupErrors.InvalidParameterValue($"ByResourceArn: {reason}");
        }

        string scope = $"recovery-points:{caller.AccountId}:{name}:{by.ResourceArn}|{by.ResourceType}|{by.BackupPlanId}|{by.CreatedAfter?.UtcTicks}|{by.CreatedBefore?.UtcTicks}";
        string? after = BackupPaging.After(_tokens, scope, nextToken);
        VaultDocument vault = await _access.AuthorizeAsync(caller, name, "backup:ListRecoveryPointsByBackupVault", vaultAccountId: vaultAccountId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (by.ParentRecoveryPointArn is not null)
        {
            return new BackupPage<RecoveryPointDescription>([], null);
        }

        var query = new DocumentQuery
        {
            KeyPrefix = VaultCollections.RecoveryPointPrefix(caller.AccountId, name),
            I1 = caller.AccountId,
            I2 = by.ResourceArn,
            I3From = by.CreatedAfter is { } from ? SortableTime.ToIndex(from) : null,
            I3To = by.CreatedBefore is { } to ? SortableTime.ToIndex(to) : null,
            AfterKey = after,
        };
        IReadOnlyList<RecoveryPointDocument> found = await ScanAsync(_regions.Get(caller.Region), query, d => Matches(d.RecoveryPoint, by), limit, cancellationToken)
            .ConfigureAwait(false);
        return BackupPaging.Page(found, limit, _tokens, scope, VaultCollections.RecoveryPoints.KeyOf, d => Describe(d.RecoveryPoint, vault.EncryptionKeyType));
    }

    /// <summary>Every recovery point of a resource in the caller's account and region, across vaults.</summary>
    public async Task<BackupPage<RecoveryPointDescription>> ListByResourceAsync(
        CallerIdentity caller, string? resourceArn, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = BackupPaging.Limit(maxResults);
        string arn = ProtectedResourceService.ValidResourceArn(resourceArn);
        string scope = $"recovery-points-by-resource:{caller.AccountId}:{arn}";
        string? after = BackupPaging.After(_tokens, scope, nextToken);
        await _authorizer.AuthorizeAsync(caller, "backup:ListRecoveryPointsByResource", arn, cancellationToken: cancellationToken).ConfigureAwait(false);
        Region region = _regions.Get(caller.Region);
        IReadOnlyList<RecoveryPointDocument> found = await region.Store.TransactAsync(
            tx => VaultCollections.RecoveryPoints.ListAsync(tx, new DocumentQuery { KeyPrefix = caller.AccountId + "/", I1 = caller.AccountId, I2 = arn, AfterKey = after, Limit = limit + 1 }),
            cancellationToken).ConfigureAwait(false);
        Dictionary<string, string> keyTypes = await region.Store.TransactAsync(async tx =>
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string vaultName in found.Select(d => d.RecoveryPoint.BackupVaultName).Distinct(StringComparer.Ordinal))
            {
                StoredDocument? doc = await tx.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(caller.AccountId, vaultName)).ConfigureAwait(false);
                types[vaultName] = (doc is null ? null : VaultCollections.TryRead(doc.Json))?.EncryptionKeyType ?? Vaults.BackupVaultDetails.CustomerManagedKey;
            }

            return types;
        }, cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(found, limit, _tokens, scope, VaultCollections.RecoveryPoints.KeyOf, d => Describe(d.RecoveryPoint, keyTypes[d.RecoveryPoint.BackupVaultName]));
    }

    private static bool Matches(RecoveryPointRecord rp, RecoveryPointFilter by) =>
        (by.ResourceType is null || rp.ResourceType == by.ResourceType)
        && (by.BackupPlanId is null || rp.CreatedBy?.BackupPlanId == by.BackupPlanId)
        && (by.CreatedAfter is null || rp.CreationDate > by.CreatedAfter)
        && (by.CreatedBefore is null || rp.CreationDate < by.CreatedBefore);

    /// <summary>Reads <paramref name="query"/> in batches until <paramref name="limit"/> + 1 entries match or none are left.</summary>
    private static Task<IReadOnlyList<RecoveryPointDocument>> ScanAsync(
        Region region, DocumentQuery query, Func<RecoveryPointDocument, bool> keep, int limit, CancellationToken cancellationToken) =>
        region.Store.TransactAsync<IReadOnlyList<RecoveryPointDocument>>(async tx =>
        {
            var found = new List<RecoveryPointDocument>();
            string? after = query.AfterKey;
            while (true)
            {
                int batch = Math.Max(limit + 1, ScanBatch);
                IReadOnlyList<RecoveryPointDocument> read = await VaultCollections.RecoveryPoints.ListAsync(tx, query with { AfterKey = after, Limit = batch }).ConfigureAwait(false);
                foreach (RecoveryPointDocument d in read.Where(keep))
                {
                    found.Add(d);
                    if (found.Count > limit)
                    {
                        return found;
                    }
                }

                if (read.Count < batch)
                {
                    return found;
                }

                after = VaultCollections.RecoveryPoints.KeyOf(read[^1]);
            }
        }, cancellationToken);
}
