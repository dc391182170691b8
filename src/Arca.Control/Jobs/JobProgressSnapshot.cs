namespace Arca.Control.Jobs;

/// <summary>A job's progress at one moment: percent done (0–100), bytes transferred into the vault, and the size of the data backed up.</summary>
public readonly record struct JobProgressSnapshot(double PercentDone, long BytesTransferred, long BackupSizeInBytes);
