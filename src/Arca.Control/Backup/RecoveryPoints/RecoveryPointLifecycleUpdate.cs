using Arca.Domain.Plans;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>UpdateRecoveryPointLifecycle's output.</summary>
public sealed record RecoveryPointLifecycleUpdate(string BackupVaultArn, string RecoveryPointArn, Lifecycle? Lifecycle, CalculatedLifecycle CalculatedLifecycle);
