namespace Arca.Storage.Blobs;

/// <summary>A permanent blob-store failure. Retrying the same call will not help.</summary>
public class BlobStoreException : Exception
{
    public BlobStoreException()
    {
    }

    public BlobStoreException(string message)
        : base(message)
    {
    }

    public BlobStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
