using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>
/// The change feed's writing side: inside the transaction of a change, marks every account whose effective backup policy
/// it can change; after the commit, tells the <see cref="IBackupPolicyListener"/>s.
/// </summary>
internal static class BackupPolicyChanges
{
    /// <summary>
    /// Marks <paramref name="accountIds"/> pending when backup policies are enabled in the organization's root (otherwise
    /// none applies, before or after the change); returns the accounts marked, sorted.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MarkIfEnabledAsync(
        IMetadataTransaction tx, string organizationId, IEnumerable<string> accountIds, BackupPolicyChangeReason reason, DateTimeOffset at)
    {
        OrganizationRecord? organization = await OrganizationCollections.Organizations.GetAsync(tx, organizationId).ConfigureAwait(false);
        return organization is not null && IsEnabled(organization)
            ? await MarkAsync(tx, organizationId, accountIds, reason, at).ConfigureAwait(false)
            : [];
    }

    /// <summary>Marks <paramref name="accountIds"/> pending; returns them, sorted and once each.</summary>
    public static async Task<IReadOnlyList<string>> MarkAsync(
        IMetadataTransaction tx, string organizationId, IEnumerable<string> accountIds, BackupPolicyChangeReason reason, DateTimeOffset at)
    {
        string[] accounts = [.. accountIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        foreach (string account in accounts)
        {
            await PolicyCollections.BackupPolicyChanges.PutAsync(tx, new BackupPolicyChangeRecord
            {
                AccountId = account,
                OrganizationId = organizationId,
                Reason = reason,
                ChangedAt = at,
                Pending = true,
            }).ConfigureAwait(false);
        }

        return accounts;
    }

    /// <summary>Whether backup policies are enabled in the root of <paramref name="organization"/>.</summary>
    public static bool IsEnabled(OrganizationRecord organization) =>
        organization.RootPolicyTypes.Any(t => t.Type == OrganizationPolicyTypes.BackupPolicy && t.Status == PolicyTypeStatus.Enabled);

    /// <summary>The accounts a policy attached to <paramref name="targetId"/> applies to: all (root), those beneath (OU), itself (account).</summary>
    public static async Task<IReadOnlyList<string>> AccountsUnderAsync(IMetadataTransaction tx, OrganizationRecord organization, string targetId)
    {
        if (OrganizationIds.AccountId().IsMatch(targetId))
        {
            return await OrganizationTree.FindMemberAsync(tx, organization, targetId).ConfigureAwait(false) is null ? [] : [targetId];
        }

        IReadOnlyList<MemberRecord> members = await OrganizationCollections.OfOrganizationAsync(tx, OrganizationCollections.Members, organization.Id)
            .ConfigureAwait(false);
        return OrganizationIds.IsRoot(targetId)
            ? [.. members.Select(m => m.AccountId)]
            : [.. members.Where(m => m.ParentPath.Contains($"/{targetId}/", StringComparison.Ordinal)).Select(m => m.AccountId)];
    }

    /// <summary>Tells every listener about a committed change that marked accounts; nothing when none was marked.</summary>
    public static async Task PublishAsync(
        IEnumerable<IBackupPolicyListener> listeners, string organizationId, IReadOnlyList<string> marked, BackupPolicyChangeReason reason, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (marked.Count == 0)
        {
            return;
        }

        var change = new BackupPolicyAccountsChanged(organizationId, marked, reason, at);
        foreach (IBackupPolicyListener listener in listeners)
        {
            await listener.AccountsChangedAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }
}
