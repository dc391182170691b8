namespace Arca.Storage.Blobs;

/// <summary>The requested key does not exist. Permanent.</summary>
public sealed class BlobNotFoundException : BlobStoreException
{
    public BlobNotFoundException()
    {
    }

    public BlobNotFoundException(string message)
        : base(message)
    {
    }

    public BlobNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
