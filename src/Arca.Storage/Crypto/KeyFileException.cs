namespace Arca.Storage.Crypto;

/// <summary>A key file is missing, unreadable or malformed. The message names the file.</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException()
    {
    }

    public KeyFileException(string message)
        : base(message)
    {
    }

    public KeyFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
