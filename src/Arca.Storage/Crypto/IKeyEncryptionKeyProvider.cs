namespace Arca.Storage.Crypto;

/// <summary>
/// Supplies the key-encryption key (KEK) that wraps a vault's master key. A local key file now; the
/// KMS later (wrap = Encrypt, unwrap = Decrypt, with the context as encryption context).
/// </summary>
/// <remarks>Thread-safe. Implementations never log or expose key material.</remarks>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>Persisted provider id (<see cref="Format.FormatIds.KeyProviderLocalFile"/>, …).</summary>
    string ProviderId { get; }

    /// <summary>A non-secret identifier of the KEK (fingerprint or key ARN), stored beside the wrapped key.</summary>
    string KeyId { get; }

    /// <summary>Encrypts <paramref name="plaintextKey"/> bound to <paramref name="context"/>.</summary>
    ValueTask<byte[]> WrapAsync(ReadOnlyMemory<byte> plaintextKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decrypts a wrapped key. Throws <see cref="WrongKeyException"/> when this KEK did not wrap it or
    /// the wrapped bytes or context were altered.
    /// </summary>
    ValueTask<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrappedKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default);
}
