namespace Arca.Control.Jobs;

/// <summary>
/// A running job's progress, written by its runner at any time and persisted by the engine with each
/// lease renewal. A runner either reports values (<see cref="Report"/>) or hands the engine a source to
/// read at each renewal (<see cref="Track"/>), such as the data plane's live counters. Thread-safe.
/// </summary>
public sealed class JobProgress
{
    private long _percentTimes10;
    private long _bytesTransferred;
    private long _backupSize;
    private volatile Func<JobProgressSnapshot>? _source;

    public double PercentDone => Current().PercentDone;

    public long BytesTransferred => Current().BytesTransferred;

    public long BackupSizeInBytes => Current().BackupSizeInBytes;

    public void Report(double percentDone, long bytesTransferred, long backupSizeInBytes)
    {
        Interlocked.Exchange(ref _percentTimes10, (long)Math.Round(Math.Clamp(percentDone, 0, 100) * 10));
        Interlocked.Exchange(ref _bytesTransferred, bytesTransferred);
        Interlocked.Exchange(ref _backupSize, backupSizeInBytes);
    }

    /// <summary>Reads progress from <paramref name="source"/> from now on (null: back to the reported values). The source must be quick and thread-safe.</summary>
    public void Track(Func<JobProgressSnapshot>? source) => _source = source;

    /// <summary>The progress now: the tracked source's, else the last reported values; the percentage rounded to a tenth within 0–100.</summary>
    public JobProgressSnapshot Current()
    {
        if (_source is { } source)
        {
            var s = source();
            return s with { PercentDone = Math.Round(Math.Clamp(s.PercentDone, 0, 100), 1) };
        }

        return new JobProgressSnapshot(
            Interlocked.Read(ref _percentTimes10) / 10.0, Interlocked.Read(ref _bytesTransferred), Interlocked.Read(ref _backupSize));
    }
}
