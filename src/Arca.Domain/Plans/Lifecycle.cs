namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>Lifecycle</c>: when a recovery point moves to cold storage and when it is deleted, in days
/// after its creation. A null member means "never" (a null <see cref="DeleteAfterDays"/> keeps the
/// recovery point forever). Rules (validated by <see cref="BackupPlanValidator"/>): each value is
/// 1–36500; when both are set, DeleteAfterDays ≥ MoveToColdStorageAfterDays + 90. Immutable.
/// </summary>
/// <param name="MoveToColdStorageAfterDays">Days until the move to cold storage, or null.</param>
/// <param name="DeleteAfterDays">Days until deletion, or null to keep forever.</param>
/// <param name="OptInToArchiveForSupportedResources">Move to archive tier where supported; stored, not acted on.</param>
public sealed record Lifecycle(
    long? MoveToColdStorageAfterDays = null, long? DeleteAfterDays = null, bool? OptInToArchiveForSupportedResources = null)
{
    /// <summary>Smallest accepted day count.</summary>
    public const long MinDays = 1;

    /// <summary>Largest accepted day count (100 years).</summary>
    public const long MaxDays = 36_500;

    /// <summary>Days a recovery point must stay in cold storage before deletion.</summary>
    public const long MinColdStorageDays = 90;

    /// <summary>Longest retention of a continuous backup (point-in-time restore).</summary>
    public const long MaxContinuousBackupDays = 35;
}
