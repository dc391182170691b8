namespace Arca.Control.Organizations;

/// <summary>
/// The seam for everything derived from an account's place in its organization. Backup policies use it through
/// <see cref="BackupPolicyTreeListener"/>, which forwards the accounts the tree services marked in the change feed to the
/// <see cref="IBackupPolicyListener"/>s (the materializer listens there). Register implementations in the server's
/// services; the Organizations services call every registered listener.
/// </summary>
/// <remarks>
/// <para>Delivery: in process, after the change's transaction has committed, on the request that made it,
/// one listener after the other, in registration order. A change is never published for a rolled-back
/// transaction.</para>
/// <para>At most once: a crash between the commit and the call loses the notification. A listener that keeps
/// derived state therefore reconciles it against the tree when it starts (the tree in the store is the truth;
/// the notification only says what to look at again).</para>
/// <para>Implementations are thread-safe, return quickly (queue heavy work) and do not throw: the change is
/// committed whatever they do, and an exception would reach the client that made the change.</para>
/// </remarks>
public interface IOrganizationTreeListener
{
    /// <summary>Called once per committed change.</summary>
    ValueTask OnTreeChangedAsync(OrganizationTreeChange change, CancellationToken cancellationToken);
}
