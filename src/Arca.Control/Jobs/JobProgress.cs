namespace Arca.Control.Jobs;

/// <summary>
/// A running job's progress, written by its runner at any time and persisted by the engine with each
/// lease renewal. Thread-safe.
/// </summary>
public sealed class JobProgress
{
    private long _percentTimes10;
    private long _bytesTransferred;
    private long _backupSize;

    public double PercentDone => Interlocked.Read(ref _percentTimes10) / 10.0;

    public long BytesTransferred => Interlocked.Read(ref _bytesTransferred);

    public long BackupSizeInBytes => Interlocked.Read(ref _backupSize);

    public void Report(double percentDone, long bytesTransferred, long backupSizeInBytes)
    {
        Interlocked.Exchange(ref _percentTimes10, (long)Math.Round(Math.Clamp(percentDone, 0, 100) * 10));
        Interlocked.Exchange(ref _bytesTransferred, bytesTransferred);
        Interlocked.Exchange(ref _backupSize, backupSizeInBytes);
    }
}
