namespace Arca.Storage.Crypto;

/// <summary>The key offered does not open the vault (wrong key file, or the wrapped key was altered).</summary>
public sealed class WrongKeyException : Exception
{
    public WrongKeyException()
    {
    }

    public WrongKeyException(string message)
        : base(message)
    {
    }

    public WrongKeyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
