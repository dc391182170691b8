namespace Arca.Domain.Plans;

/// <summary>
/// The lifecycle rules of backup rules and copy actions. Problem texts reuse AWS's own wording where
/// it is known ("Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days").
/// </summary>
internal static class LifecycleValidator
{
    public static void Validate(Lifecycle? lifecycle, string path, bool continuous, List<BackupPlanError> errors)
    {
        if (lifecycle is null)
        {
            return;
        }

        string cold = $"{path}.MoveToColdStorageAfterDays";
        string delete = $"{path}.DeleteAfterDays";
        bool coldInRange = CheckRange(lifecycle.MoveToColdStorageAfterDays, cold, "MoveToColdStorageAfterDays", errors);
        bool deleteInRange = CheckRange(lifecycle.DeleteAfterDays, delete, "DeleteAfterDays", errors);
        if (continuous)
        {
            CheckContinuous(lifecycle, cold, delete, deleteInRange, errors);
            return;
        }

        if (coldInRange && deleteInRange
            && lifecycle is { MoveToColdStorageAfterDays: long coldDays, DeleteAfterDays: long deleteDays }
            && deleteDays < coldDays + Lifecycle.MinColdStorageDays)
        {
            errors.Add(BackupPlanError.Invalid(
                delete, $"Invalid lifecycle. DeleteAfterDays cannot be less than {Lifecycle.MinColdStorageDays} days apart from MoveToColdStorageAfterDays"));
        }
    }

    private static void CheckContinuous(Lifecycle lifecycle, string cold, string delete, bool deleteInRange, List<BackupPlanError> errors)
    {
        if (lifecycle.MoveToColdStorageAfterDays is not null)
        {
            errors.Add(BackupPlanError.Invalid(cold, "Invalid lifecycle. MoveToColdStorageAfterDays is unavailable for continuous backups"));
        }

        if (deleteInRange && lifecycle.DeleteAfterDays > Lifecycle.MaxContinuousBackupDays)
        {
            errors.Add(BackupPlanError.Invalid(
                delete, $"Invalid lifecycle. DeleteAfterDays cannot be more than {Lifecycle.MaxContinuousBackupDays} days for continuous backups"));
        }
    }

    private static bool CheckRange(long? days, string path, string member, List<BackupPlanError> errors)
    {
        if (days is < Lifecycle.MinDays or > Lifecycle.MaxDays)
        {
            errors.Add(BackupPlanError.Invalid(
                path, $"Invalid lifecycle. {member} cannot be less than {Lifecycle.MinDays} or more than {Lifecycle.MaxDays} days"));
            return false;
        }

        return true;
    }
}
