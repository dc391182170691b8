namespace Arca.Domain.Plans;

/// <summary>
/// The lifecycle rules outside a plan: an on-demand job's <c>Lifecycle</c> (the same rules as a backup rule's,
/// reported under the caller's path) and a vault lock's retention range. Pure and thread-safe.
/// </summary>
public static class LifecycleRules
{
    /// <summary>The first problem of <paramref name="lifecycle"/> (null = never expire, which is valid), reported under <paramref name="path"/>; null when valid.</summary>
    public static BackupPlanError? FirstProblem(Lifecycle? lifecycle, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<BackupPlanError>();
        LifecycleValidator.Validate(lifecycle, path, continuous: false, errors);
        return errors.Count == 0 ? null : errors[0];
    }

    /// <summary>
    /// Whether a new recovery point with <paramref name="lifecycle"/> may enter a vault whose lock allows
    /// <paramref name="lock"/>: its retention (DeleteAfterDays; null = forever) must be at least the minimum and
    /// at most the maximum. AWS: "any backup or copy job to the vault must have a lifecycle policy with a retention
    /// period equal to or longer than the minimum … equal to or shorter than the maximum".
    /// </summary>
    /// <returns>Null when it fits, otherwise why not (without AWS's leading sentence).</returns>
    public static string? VaultLockProblem(Lifecycle? lifecycle, VaultLockRetention? @lock)
    {
        if (@lock is null)
        {
            return null;
        }

        long? keep = lifecycle?.DeleteAfterDays;
        string asked = keep is { } days ? $"for {days} days" : "to keep it forever (no DeleteAfterDays)";
        if (@lock.MinRetentionDays is { } min && keep is { } shorter && shorter < min)
        {
            return $"The vault lock requires at least {min} days; the job asks {asked}.";
        }

        if (@lock.MaxRetentionDays is { } max && (keep is null || keep > max))
        {
            return $"The vault lock allows at most {max} days; the job asks {asked}.";
        }

        return null;
    }
}
