namespace Arca.Storage.Copy;

/// <summary>Live counters of a running copy; safe to read from any thread.</summary>
public sealed class CopyProgress
{
    private long _blobsTotal = -1;
    private long _blobsDone;
    private long _bytesTransferred;

    /// <summary>Data blobs the recovery point references, once the trees are read; -1 before.</summary>
    public long BlobsTotal => Interlocked.Read(ref _blobsTotal);

    public long BlobsDone => Interlocked.Read(ref _blobsDone);

    /// <summary>Stored bytes written into the destination so far.</summary>
    public long BytesTransferred => Interlocked.Read(ref _bytesTransferred);

    internal void SetTotal(long blobs) => Interlocked.Exchange(ref _blobsTotal, blobs);

    internal void AddBlobs(long blobs) => Interlocked.Add(ref _blobsDone, blobs);

    internal void AddTransferred(long bytes) => Interlocked.Add(ref _bytesTransferred, bytes);
}
