namespace Arca.Storage.Resources;

/// <summary>
/// A restore was refused (the target exists and Overwrite is not "true", or the recovery point is of
/// another resource type) or failed. The message says why, never with a secret.
/// </summary>
public sealed class ResourceRestoreException : Exception
{
    public ResourceRestoreException()
    {
    }

    public ResourceRestoreException(string message)
        : base(message)
    {
    }

    public ResourceRestoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
