namespace Arca.Storage.Repository;

/// <summary>A vault cannot be used as asked (missing, not a vault, wrong key, locked…). The message says why and names the vault.</summary>
public sealed class VaultException : Exception
{
    public VaultException()
    {
    }

    public VaultException(string message)
        : base(message)
    {
    }

    public VaultException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
