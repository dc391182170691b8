namespace Arca.Storage.Resources;

/// <summary>
/// A backup of a resource failed because the resource could not be read (missing, unreadable, server
/// down, authentication refused, dump tool failed). The message says why, never with a secret. When it
/// is thrown, no recovery point was committed.
/// </summary>
public sealed class ResourceBackupException : Exception
{
    public ResourceBackupException()
    {
    }

    public ResourceBackupException(string message)
        : base(message)
    {
    }

    public ResourceBackupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
