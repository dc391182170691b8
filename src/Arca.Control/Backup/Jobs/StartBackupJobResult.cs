namespace Arca.Control.Backup.Jobs;

/// <summary>StartBackupJob's output.</summary>
public sealed record StartBackupJobResult(string BackupJobId, DateTimeOffset CreationDate, bool IsParent = false);
