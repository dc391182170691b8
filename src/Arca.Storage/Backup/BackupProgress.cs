namespace Arca.Storage.Backup;

/// <summary>
/// Live counters of a running backup. Written by the engine, read by anyone (a progress bar):
/// every property is safe to read from another thread at any time.
/// </summary>
public sealed class BackupProgress
{
    private long _filesTotal = -1;
    private long _bytesTotal = -1;
    private long _filesDone;
    private long _bytesDone;
    private long _bytesStored;

    /// <summary>Files in the source, once the concurrent scan has finished; -1 before.</summary>
    public long FilesTotal => Interlocked.Read(ref _filesTotal);

    /// <summary>Bytes in the source's files, once the concurrent scan has finished; -1 before.</summary>
    public long BytesTotal => Interlocked.Read(ref _bytesTotal);

    public long FilesDone => Interlocked.Read(ref _filesDone);

    /// <summary>File bytes read or found unchanged.</summary>
    public long BytesDone => Interlocked.Read(ref _bytesDone);

    /// <summary>Bytes added to the vault (compressed and encrypted).</summary>
    public long BytesStored => Interlocked.Read(ref _bytesStored);

    internal void SetTotals(long files, long bytes)
    {
        Interlocked.Exchange(ref _bytesTotal, bytes);
        Interlocked.Exchange(ref _filesTotal, files);
    }

    internal void AddFile() => Interlocked.Increment(ref _filesDone);

    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytesDone, bytes);

    internal void AddStored(long bytes) => Interlocked.Add(ref _bytesStored, bytes);
}
