namespace Arca.Storage.Repository;

/// <summary>
/// Stored data failed a check (hash, AEAD tag, HMAC, structure). The message names the object and,
/// where known, the blob; callers add the recovery point and file it hits.
/// </summary>
public sealed class VaultCorruptionException : Exception
{
    public VaultCorruptionException()
    {
    }

    public VaultCorruptionException(string message)
        : base(message)
    {
    }

    public VaultCorruptionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
