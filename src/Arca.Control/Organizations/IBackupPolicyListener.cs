namespace Arca.Control.Organizations;

/// <summary>
/// The seam of the backup-policy materializer: told, in process, which accounts' effective backup policies may have changed.
/// Register implementations in the server's services; the policy services and the Organizations tree services notify every
/// registered listener.
/// </summary>
/// <remarks>
/// <para>The notification is a wake-up hint; the truth is the durable marker each affected account got in the change's own
/// transaction (<see cref="BackupPolicyChangeFeed"/>). A listener therefore drains the feed when told, and once when it
/// starts: a crash between the commit and the call loses the notification but never the marker.</para>
/// <para>Delivery: after the change's transaction committed, on the request that made it, one listener after the other, in
/// registration order; never for a rolled-back change; at most once. Implementations are thread-safe, return quickly
/// (queue the work) and do not throw (the change is committed whatever they do, and an exception reaches the client).</para>
/// </remarks>
public interface IBackupPolicyListener
{
    /// <summary>Called once per committed change that marked at least one account.</summary>
    ValueTask AccountsChangedAsync(BackupPolicyAccountsChanged change, CancellationToken cancellationToken);
}
