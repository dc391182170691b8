namespace Arca.Storage.Restore;

/// <summary>A restore cannot start or must stop (unsafe target, unreadable recovery point). The message names what.</summary>
public sealed class RestoreException : Exception
{
    public RestoreException()
    {
    }

    public RestoreException(string message)
        : base(message)
    {
    }

    public RestoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
