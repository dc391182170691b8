using System.Security.Cryptography;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Regions;
using Arca.Domain.Iam;

namespace Arca.Control.Kms;

/// <summary>
/// KMS's cryptographic operations: Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom. The
/// ciphertext format and its binding to the key and the encryption context are in docs/design/kms.md §3. Each operation is
/// authorized by the key policy (across accounts when the policy names the caller's account), then the key's state is checked:
/// disabled → <c>DisabledException</c>, pending deletion → <c>KMSInvalidStateException</c>.
/// </summary>
/// <remarks>Thread-safe. Plaintexts and key material are never logged; material is zeroed after each use.</remarks>
public sealed class KmsCryptoService(RegionSet regions, Authorizer authorizer, TimeProvider time)
{
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    public Task<CiphertextResult> EncryptAsync(CallerIdentity caller, EncryptRequest request, CancellationToken cancellationToken = default) =>
        EncryptAsync(caller, request, null, cancellationToken);

    public Task<DecryptResult> DecryptAsync(CallerIdentity caller, DecryptRequest request, CancellationToken cancellationToken = default) =>
        DecryptAsync(caller, request, null, cancellationToken);

    /// <summary>Decrypts under the source key (<c>kms:ReEncryptFrom</c>) and encrypts under the destination key (<c>kms:ReEncryptTo</c>).</summary>
    public async Task<CiphertextResult> ReEncryptAsync(CallerIdentity caller, ReEncryptRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        byte[] blob = KmsValidation.Ciphertext(request.CiphertextBlob);
        KmsValidation.GrantTokens(request.GrantTokens);
        KeyRecord destination = await _keys.FindAsync(caller, request.DestinationKeyId, "ReEncrypt", crossAccount: true, "destinationKeyId", cancellationToken)
            .ConfigureAwait(false);
        KmsValidation.EncryptionAlgorithm(request.DestinationEncryptionAlgorithm, destination.Arn, "destinationEncryptionAlgorithm");
        KeyRecord source = await SourceKeyAsync(caller, blob, request.SourceKeyId, "sourceKeyId", cancellationToken).ConfigureAwait(false);
        KmsValidation.EncryptionAlgorithm(request.SourceEncryptionAlgorithm, source.Arn, "sourceEncryptionAlgorithm");
        await UsableAsync(caller, "kms:ReEncryptFrom", source, null, cancellationToken).ConfigureAwait(false);
        await UsableAsync(caller, "kms:ReEncryptTo", destination, null, cancellationToken).ConfigureAwait(false);
        ThrowIfDryRun(request.DryRun);

        byte[] plaintext = Open(source, blob, request.SourceEncryptionContext);
        try
        {
            return new CiphertextResult(Seal(destination, plaintext, request.DestinationEncryptionContext), destination.Arn, SourceKeyArn: source.Arn);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>A random data key, returned in plaintext and encrypted under the key.</summary>
    public Task<CiphertextResult> GenerateDataKeyAsync(CallerIdentity caller, GenerateDataKeyRequest request, CancellationToken cancellationToken = default) =>
        GenerateDataKeyAsync(caller, request, withPlaintext: true, cancellationToken);

    /// <summary>A random data key, returned encrypted under the key only.</summary>
    public Task<CiphertextResult> GenerateDataKeyWithoutPlaintextAsync(CallerIdentity caller, GenerateDataKeyRequest request, CancellationToken cancellationToken = default) =>
        GenerateDataKeyAsync(caller, request, withPlaintext: false, cancellationToken);

    /// <summary><paramref name="numberOfBytes"/> (1–1024) random bytes; needs <c>kms:GenerateRandom</c> in the caller's identity side.</summary>
    public async Task<byte[]> GenerateRandomAsync(CallerIdentity caller, int? numberOfBytes, string? customKeyStoreId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int count = KmsValidation.NumberOfBytes(numberOfBytes ?? throw KmsErrors.Validation("numberOfBytes", null, string.Empty));
        if (customKeyStoreId is not null)
        {
            throw KmsErrors.UnsupportedOperation("Arca's KMS has no custom key stores: GenerateRandom takes no CustomKeyStoreId.");
        }

        await _access.AuthorizeIdentityAsync(caller, "kms:GenerateRandom", null, cancellationToken).ConfigureAwait(false);
        return RandomNumberGenerator.GetBytes(count);
    }

    /// <summary>Encrypt with extra condition keys: the backup service's calls carry <c>kms:ViaService</c>.</summary>
    internal async Task<CiphertextResult> EncryptAsync(CallerIdentity caller, EncryptRequest request, ConditionKeys? extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        byte[] plaintext = KmsValidation.Plaintext(request.Plaintext);
        KmsValidation.GrantTokens(request.GrantTokens);
        KeyRecord key = await _keys.FindAsync(caller, request.KeyId, "Encrypt", crossAccount: true, "keyId", cancellationToken).ConfigureAwait(false);
        KmsValidation.EncryptionAlgorithm(request.EncryptionAlgorithm, key.Arn);
        await UsableAsync(caller, "kms:Encrypt", key, extra, cancellationToken).ConfigureAwait(false);
        ThrowIfDryRun(request.DryRun);
        return new CiphertextResult(Seal(key, plaintext, request.EncryptionContext), key.Arn);
    }

    /// <summary>Decrypt with extra condition keys: the backup service's calls carry <c>kms:ViaService</c>.</summary>
    internal async Task<DecryptResult> DecryptAsync(CallerIdentity caller, DecryptRequest request, ConditionKeys? extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        byte[] blob = KmsValidation.Ciphertext(request.CiphertextBlob);
        KmsValidation.GrantTokens(request.GrantTokens);
        KeyRecord key = await SourceKeyAsync(caller, blob, request.KeyId, "keyId", cancellationToken).ConfigureAwait(false);
        KmsValidation.EncryptionAlgorithm(request.EncryptionAlgorithm, key.Arn);
        await UsableAsync(caller, "kms:Decrypt", key, extra, cancellationToken).ConfigureAwait(false);
        ThrowIfDryRun(request.DryRun);
        return new DecryptResult(Open(key, blob, request.EncryptionContext), key.Arn);
    }

    private async Task<CiphertextResult> GenerateDataKeyAsync(CallerIdentity caller, GenerateDataKeyRequest request, bool withPlaintext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        int length = KmsValidation.DataKeyLength(request.KeySpec, request.NumberOfBytes);
        KmsValidation.GrantTokens(request.GrantTokens);
        string operation = withPlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
        KeyRecord key = await _keys.FindAsync(caller, request.KeyId, operation, crossAccount: true, "keyId", cancellationToken).ConfigureAwait(false);
        await UsableAsync(caller, "kms:" + operation, key, null, cancellationToken).ConfigureAwait(false);
        ThrowIfDryRun(request.DryRun);

        byte[] dataKey = RandomNumberGenerator.GetBytes(length);
        byte[] blob = Seal(key, dataKey, request.EncryptionContext);
        if (!withPlaintext)
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return new CiphertextResult(blob, key.Arn, withPlaintext ? dataKey : null);
    }

    /// <summary>The key a ciphertext names; when the request names a key too, it must be that one.</summary>
    private async Task<KeyRecord> SourceKeyAsync(CallerIdentity caller, byte[] blob, string? requestedKeyId, string field, CancellationToken cancellationToken)
    {
        KeyRecord? requested = requestedKeyId is null ? null
            : await _keys.FindAsync(caller, requestedKeyId, "Decrypt", crossAccount: true, field, cancellationToken).ConfigureAwait(false);
        string id = CiphertextBlob.KeyIdOf(blob) ?? throw KmsErrors.InvalidCiphertext();
        KeyRecord key = await _keys.FindByIdAsync(caller.Region, id, cancellationToken).ConfigureAwait(false) ?? throw KmsErrors.InvalidCiphertext();
        return requested is null || requested.KeyId == key.KeyId ? key : throw KmsErrors.IncorrectKey();
    }

    /// <summary>Authorizes the action by the key policy, then checks that the key is enabled.</summary>
    private async Task UsableAsync(CallerIdentity caller, string action, KeyRecord key, ConditionKeys? extra, CancellationToken cancellationToken)
    {
        await _access.AuthorizeAsync(caller, action, key, extra, cancellationToken).ConfigureAwait(false);
        switch (key.State)
        {
            case KeyState.Disabled:
                throw KmsErrors.Disabled(key.Arn);
            case KeyState.PendingDeletion:
                throw KmsErrors.PendingDeletion(key.Arn);
        }
    }

    private static void ThrowIfDryRun(bool dryRun)
    {
        if (dryRun)
        {
            throw KmsErrors.DryRun();
        }
    }

    private byte[] Seal(KeyRecord key, byte[] plaintext, IReadOnlyDictionary<string, string>? context)
    {
        byte[] material = KeyMaterial.Open(_keys.Region(key.Region).MasterKey, key.Arn, key.SealedMaterial);
        try
        {
            return CiphertextBlob.Seal(material, key.KeyId, key.Arn, plaintext, context);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private byte[] Open(KeyRecord key, byte[] blob, IReadOnlyDictionary<string, string>? context)
    {
        byte[] material = KeyMaterial.Open(_keys.Region(key.Region).MasterKey, key.Arn, key.SealedMaterial);
        try
        {
            return CiphertextBlob.TryOpen(material, key.Arn, blob, context) ?? throw KmsErrors.InvalidCiphertext();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
