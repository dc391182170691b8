using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Turns committed tree changes (an account created, moved or removed, the organization deleted) into
/// <see cref="IBackupPolicyListener"/> notifications for the accounts the tree services marked in the same transaction
/// (<see cref="BackupPolicyChangeFeed"/>). Registered as an <see cref="IOrganizationTreeListener"/> by the server.
/// </summary>
/// <remarks>Thread-safe; one read per change.</remarks>
public sealed class BackupPolicyTreeListener(BackupPolicyChangeFeed feed, IEnumerable<IBackupPolicyListener> listeners) : IOrganizationTreeListener
{
    /// <inheritdoc/>
    public async ValueTask OnTreeChangedAsync(OrganizationTreeChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        PendingBackupPolicyChange? pending = await feed.FindPendingAsync(change.AccountId, cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            return;
        }

        await BackupPolicyChanges.PublishAsync(listeners, pending.OrganizationId, [pending.AccountId], pending.Reason, pending.ChangedAt, cancellationToken)
            .ConfigureAwait(false);
    }
}
