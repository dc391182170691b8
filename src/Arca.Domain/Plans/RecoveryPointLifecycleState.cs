namespace Arca.Domain.Plans;

/// <summary>What the lifecycle decision needs to know about a recovery point. Immutable.</summary>
/// <param name="CreationDate">When the recovery point was created (copies keep the source's date).</param>
/// <param name="Lifecycle">Its lifecycle; null = never expire.</param>
/// <param name="StorageClass">Where it is now.</param>
/// <param name="SupportsColdStorage">Whether its resource type can move to cold storage; AWS ignores
/// MoveToColdStorageAfterDays for types that cannot.</param>
public sealed record RecoveryPointLifecycleState(
    DateTimeOffset CreationDate, Lifecycle? Lifecycle, RecoveryPointStorageClass StorageClass, bool SupportsColdStorage = true);
