using Arca.Storage.Format;

namespace Arca.Storage.Backup;

/// <summary>The outcome of a backup: the new recovery point and its manifest.</summary>
public sealed record BackupResult(BlobId RecoveryPointId, Manifest Manifest);
