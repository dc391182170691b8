namespace Arca.Storage.Blobs;

/// <summary>A failure that a retry may cure: a timeout, throttling, a reset connection.</summary>
public sealed class TransientBlobStoreException : BlobStoreException
{
    public TransientBlobStoreException()
    {
    }

    public TransientBlobStoreException(string message)
        : base(message)
    {
    }

    public TransientBlobStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
