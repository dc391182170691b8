using System.Security.Cryptography;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Storage.Crypto;

namespace Arca.Control.Kms;

/// <summary>
/// The vault engine's key-encryption key backed by a KMS key (docs/design/server.md §8, docs/design/kms.md §5): wrap = KMS
/// Encrypt, unwrap = KMS Decrypt, both made by the backup service on behalf of the vault's account, with the encryption
/// context <c>{"aws:backup:vault-arn": VAULT-ARN, "arca:vault-key-context": base64(engine context)}</c>. Obtain one from
/// <see cref="KeyResolver.ProviderFor"/>.
/// </summary>
/// <remarks>
/// Thread-safe; every call reads the key afresh, so disabling the key, scheduling its deletion or changing its policy
/// takes effect at the next wrap or unwrap. Errors: <see cref="KmsKeyUnavailableException"/> (AWS Backup's message) when
/// the key is disabled, pending deletion, deleted or denied; <see cref="WrongKeyException"/> when the wrapped key was made
/// by another key, altered, or bound to another vault.
/// </remarks>
public sealed class KmsKeyProvider : IKeyEncryptionKeyProvider
{
    /// <summary>The encryption-context pair naming the vault, as AWS Backup writes it.</summary>
    public const string VaultArnContextKey = "aws:backup:vault-arn";

    /// <summary>The encryption-context pair carrying the engine's own associated data (base64), binding the wrapped key to the engine vault too.</summary>
    public const string EngineContextKey = "arca:vault-key-context";

    private readonly KmsCryptoService _crypto;
    private readonly IOrganizationMembership _organizations;
    private readonly string _accountId;
    private readonly string _region;
    private readonly string _vaultArn;

    internal KmsKeyProvider(KmsCryptoService crypto, IOrganizationMembership organizations, string accountId, string region, string keyArn, string vaultArn)
    {
        _crypto = crypto;
        _organizations = organizations;
        _accountId = accountId;
        _region = region;
        KeyId = keyArn;
        _vaultArn = vaultArn;
    }

    /// <summary><see cref="Storage.Format.FormatIds.KeyProviderKms"/>.</summary>
    public string ProviderId => Storage.Format.FormatIds.KeyProviderKms;

    /// <summary>The KMS key's ARN.</summary>
    public string KeyId { get; }

    /// <summary>The account the backup service acts for.</summary>
    public string AccountId => _accountId;

    /// <summary>The vault ARN bound into every wrapped key.</summary>
    public string VaultArn => _vaultArn;

    public async ValueTask<byte[]> WrapAsync(ReadOnlyMemory<byte> plaintextKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default)
    {
        CallerIdentity caller = await BackupServiceCaller.ForAsync(_organizations, _accountId, _region, cancellationToken).ConfigureAwait(false);
        byte[] plaintext = plaintextKey.ToArray();
        try
        {
            var request = new EncryptRequest { KeyId = KeyId, Plaintext = plaintext, EncryptionContext = EncryptionContext(context) };
            CiphertextResult result = await _crypto.EncryptAsync(caller, request, BackupServiceCaller.Via(_region), cancellationToken).ConfigureAwait(false);
            return result.CiphertextBlob;
        }
        catch (AwsServiceException e) when (KmsKeyUnavailableException.IsUnavailable(e))
        {
            throw new KmsKeyUnavailableException(KeyId, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async ValueTask<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrappedKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default)
    {
        CallerIdentity caller = await BackupServiceCaller.ForAsync(_organizations, _accountId, _region, cancellationToken).ConfigureAwait(false);
        try
        {
            var request = new DecryptRequest { KeyId = KeyId, CiphertextBlob = wrappedKey.ToArray(), EncryptionContext = EncryptionContext(context) };
            DecryptResult result = await _crypto.DecryptAsync(caller, request, BackupServiceCaller.Via(_region), cancellationToken).ConfigureAwait(false);
            return result.Plaintext;
        }
        catch (AwsServiceException e) when (e.Code is "InvalidCiphertextException" or "IncorrectKeyException" or "ValidationException")
        {
            throw new WrongKeyException($"KMS key {KeyId} does not open this vault's key for {_vaultArn}: it was wrapped by another key, for another vault, or altered");
        }
        catch (AwsServiceException e) when (KmsKeyUnavailableException.IsUnavailable(e))
        {
            throw new KmsKeyUnavailableException(KeyId, e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"KmsKeyProvider({KeyId} for {_vaultArn})";

    private Dictionary<string, string> EncryptionContext(ReadOnlyMemory<byte> context) => new(StringComparer.Ordinal)
    {
        [VaultArnContextKey] = _vaultArn,
        [EngineContextKey] = Convert.ToBase64String(context.Span),
    };
}
