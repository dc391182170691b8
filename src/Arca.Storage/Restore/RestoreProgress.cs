namespace Arca.Storage.Restore;

/// <summary>Live counters of a running restore; safe to read from any thread.</summary>
public sealed class RestoreProgress
{
    private long _filesTotal = -1;
    private long _bytesTotal = -1;
    private long _filesDone;
    private long _bytesDone;

    public long FilesTotal => Interlocked.Read(ref _filesTotal);

    public long BytesTotal => Interlocked.Read(ref _bytesTotal);

    public long FilesDone => Interlocked.Read(ref _filesDone);

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    internal void SetTotals(long files, long bytes)
    {
        Interlocked.Exchange(ref _bytesTotal, bytes);
        Interlocked.Exchange(ref _filesTotal, files);
    }

    internal void AddFile() => Interlocked.Increment(ref _filesDone);

    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytesDone, bytes);
}
