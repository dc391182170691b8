namespace Arca.Domain.Plans;

/// <summary>
/// The retention range a vault lock imposes (Vault Lock <c>MinRetentionDays</c> /
/// <c>MaxRetentionDays</c>). Pass it to <see cref="RecoveryPointLifecycle.Decide"/> only for recovery
/// points the lock applies to (AWS: points stored before the lock are not affected). Immutable.
/// </summary>
/// <param name="MinRetentionDays">No deletion before CreationDate + this many days; null = no minimum.</param>
/// <param name="MaxRetentionDays">Longest retention new jobs may ask for; not used to delete early.</param>
public sealed record VaultLockRetention(long? MinRetentionDays, long? MaxRetentionDays = null);
