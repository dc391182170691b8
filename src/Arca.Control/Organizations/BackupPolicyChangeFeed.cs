using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// The durable change feed of effective backup policies, the materializer's input: every committed change that can change an
/// account's effective backup policy — UpdatePolicy of its content, AttachPolicy, DetachPolicy, DisablePolicyType, an account
/// created, moved or removed, the organization deleted — marks each affected account in the change's own transaction
/// (collection <c>org-backup-policy-changes</c>, one document per account). A crash between the change and materialization
/// loses nothing: the marker stays until <see cref="CompleteAsync"/>.
/// </summary>
/// <remarks>
/// <para>How to consume it: on start, and whenever an <see cref="IBackupPolicyListener"/> is told, list the pending accounts,
/// bring each account's organization-managed plans in line with <see cref="BackupPolicyService.GetAccountPolicyAsync"/> (null:
/// remove them all), then complete the marker with the version read. If the account changed again meanwhile, completion
/// returns false and the marker stays pending for the next round, so no change is ever skipped. Materializing is idempotent,
/// so processing a marker twice (after a crash before completion) is harmless.</para>
/// <para>Accounts are marked only while backup policies are enabled in the root (otherwise none applies before or after the
/// change) — except for DisablePolicyType itself, which marks the accounts its detachments affect. Thread-safe.</para>
/// </remarks>
public sealed class BackupPolicyChangeFeed(IMetadataStore store)
{
    /// <summary>The accounts waiting for materialization, by account id, at most <paramref name="limit"/> after <paramref name="afterAccountId"/>.</summary>
    public async Task<IReadOnlyList<PendingBackupPolicyChange>> ListPendingAsync(
        int limit = 100, string? afterAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        IReadOnlyList<StoredDocument> documents = await store.TransactAsync(tx => tx.ListAsync(PolicyCollections.BackupPolicyChanges.Name,
            new DocumentQuery { I2 = PolicyCollections.PendingIndex, AfterKey = afterAccountId, Limit = limit }), cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(Pending)];
    }

    /// <summary>The marker of one account, or null when it never changed or has been completed.</summary>
    public async Task<PendingBackupPolicyChange?> FindPendingAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        StoredDocument? document = await store.TransactAsync(tx => tx.GetAsync(PolicyCollections.BackupPolicyChanges.Name, accountId), cancellationToken)
            .ConfigureAwait(false);
        return document is not null && document.Index.I2 == PolicyCollections.PendingIndex ? Pending(document) : null;
    }

    /// <summary>
    /// Records that <paramref name="change"/> has been materialized. Returns false, leaving the account pending, when a newer
    /// change arrived since it was listed (or it was completed already).
    /// </summary>
    public Task<bool> CompleteAsync(PendingBackupPolicyChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.TransactAsync(async tx =>
        {
            StoredDocument? current = await tx.GetAsync(PolicyCollections.BackupPolicyChanges.Name, change.AccountId).ConfigureAwait(false);
            if (current is null || current.Version != change.Version || current.Index.I2 != PolicyCollections.PendingIndex)
            {
                return false;
            }

            BackupPolicyChangeRecord record = Read(current) with { Pending = false };
            await PolicyCollections.BackupPolicyChanges.PutAsync(tx, record, expectedVersion: current.Version).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    private static PendingBackupPolicyChange Pending(StoredDocument document)
    {
        BackupPolicyChangeRecord record = Read(document);
        return new PendingBackupPolicyChange(record.AccountId, record.OrganizationId, record.Reason, record.ChangedAt, document.Version);
    }

    private static BackupPolicyChangeRecord Read(StoredDocument document) =>
        System.Text.Json.JsonSerializer.Deserialize(document.Json, PolicyJson.Default.BackupPolicyChangeRecord)
        ?? throw new InvalidOperationException($"{PolicyCollections.BackupPolicyChanges.Name}/{document.Key} holds null");
}
