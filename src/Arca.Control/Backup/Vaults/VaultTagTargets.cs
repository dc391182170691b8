using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults.Internal;

namespace Arca.Control.Backup.Vaults;

/// <summary>The tag targets of vaults and recovery points, for registration beside <see cref="BackupTagTargets"/>.</summary>
public static class VaultTagTargets
{
    /// <summary>Backup vaults (<c>arn:aws:backup:…:backup-vault:NAME</c>).</summary>
    public static IBackupTagTarget Vaults { get; } = new VaultTagTarget();

    /// <summary>Recovery points (<c>arn:aws:backup:…:recovery-point:ID</c>).</summary>
    public static IBackupTagTarget RecoveryPoints { get; } = new RecoveryPointTagTarget();
}
