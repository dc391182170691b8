namespace Arca.Control.Backup.Vaults;

/// <summary>GetBackupVaultAccessPolicy's output: the policy as it was put.</summary>
public sealed record BackupVaultAccessPolicy(string BackupVaultName, string BackupVaultArn, string Policy);
