using Arca.Control.Backup.Internal;

namespace Arca.Control.Backup;

/// <summary>The tag targets of this service's resources, for registration.</summary>
public static class BackupTagTargets
{
    /// <summary>Backup plans (<c>arn:aws:backup:…:backup-plan:ID</c>).</summary>
    public static IBackupTagTarget Plans { get; } = new PlanTagTarget();

    /// <summary>Arca resources (<c>arn:aws:arca:…:TYPE/NAME</c>).</summary>
    public static IBackupTagTarget Resources { get; } = new ResourceTagTarget();
}
