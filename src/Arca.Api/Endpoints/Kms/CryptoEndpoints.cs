using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Kms;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS cryptographic operations (awsJson1.1, TrentService): Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom.</summary>
internal static class CryptoEndpoints
{
    private const string Algorithm = KeyMetadata.SymmetricDefault;

    public static void Map(AwsJsonService kms)
    {
        KmsWireJson json = KmsWireJson.Default;
        kms.Map("Encrypt", json.EncryptInput, json.EncryptOutput, async (context, input) =>
        {
            var request = new EncryptRequest
            {
                KeyId = input.KeyId,
                Plaintext = input.Plaintext,
                EncryptionContext = KmsInputs.Context(input.EncryptionContext),
                GrantTokens = input.GrantTokens,
                EncryptionAlgorithm = input.EncryptionAlgorithm,
                DryRun = input.DryRun == true,
            };
            CiphertextResult result = await Crypto(context).EncryptAsync(context.Caller, request, context.CancellationToken).ConfigureAwait(false);
            return new EncryptOutput(result.CiphertextBlob, result.KeyArn, Algorithm);
        });
        kms.Map("Decrypt", json.DecryptInput, json.DecryptOutput, async (context, input) =>
        {
            KmsInputs.NoRecipient(input.Recipient);
            var request = new DecryptRequest
            {
                CiphertextBlob = input.CiphertextBlob,
                EncryptionContext = KmsInputs.Context(input.EncryptionContext),
                KeyId = input.KeyId,
                GrantTokens = input.GrantTokens,
                EncryptionAlgorithm = input.EncryptionAlgorithm,
                DryRun = input.DryRun == true,
            };
            DecryptResult result = await Crypto(context).DecryptAsync(context.Caller, request, context.CancellationToken).ConfigureAwait(false);
            return new DecryptOutput(result.KeyArn, result.Plaintext, Algorithm);
        });
        kms.Map("ReEncrypt", json.ReEncryptInput, json.ReEncryptOutput, async (context, input) =>
        {
            var request = new ReEncryptRequest
            {
                CiphertextBlob = input.CiphertextBlob,
                SourceEncryptionContext = KmsInputs.Context(input.SourceEncryptionContext, "sourceEncryptionContext"),
                SourceKeyId = input.SourceKeyId,
                DestinationKeyId = input.DestinationKeyId,
                DestinationEncryptionContext = KmsInputs.Context(input.DestinationEncryptionContext, "destinationEncryptionContext"),
                SourceEncryptionAlgorithm = input.SourceEncryptionAlgorithm,
                DestinationEncryptionAlgorithm = input.DestinationEncryptionAlgorithm,
                GrantTokens = input.GrantTokens,
                DryRun = input.DryRun == true,
            };
            CiphertextResult result = await Crypto(context).ReEncryptAsync(context.Caller, request, context.CancellationToken).ConfigureAwait(false);
            return new ReEncryptOutput(result.CiphertextBlob, result.SourceKeyArn!, result.KeyArn, Algorithm, Algorithm);
        });
        kms.Map("GenerateDataKey", json.GenerateDataKeyInput, json.GenerateDataKeyOutput, async (context, input) =>
        {
            KmsInputs.NoRecipient(input.Recipient);
            CiphertextResult result = await Crypto(context).GenerateDataKeyAsync(context.Caller, DataKeyRequest(input), context.CancellationToken).ConfigureAwait(false);
            return new GenerateDataKeyOutput(result.CiphertextBlob, result.Plaintext, result.KeyArn);
        });
        kms.Map("GenerateDataKeyWithoutPlaintext", json.GenerateDataKeyInput, json.GenerateDataKeyOutput, async (context, input) =>
        {
            KmsInputs.NoRecipient(input.Recipient);
            CiphertextResult result = await Crypto(context).GenerateDataKeyWithoutPlaintextAsync(context.Caller, DataKeyRequest(input), context.CancellationToken)
                .ConfigureAwait(false);
            return new GenerateDataKeyOutput(result.CiphertextBlob, null, result.KeyArn);
        });
        kms.Map("GenerateRandom", json.GenerateRandomInput, json.GenerateRandomOutput, async (context, input) =>
        {
            KmsInputs.NoRecipient(input.Recipient);
            return new GenerateRandomOutput(
                await Crypto(context).GenerateRandomAsync(context.Caller, input.NumberOfBytes, input.CustomKeyStoreId, context.CancellationToken).ConfigureAwait(false));
        });
    }

    private static GenerateDataKeyRequest DataKeyRequest(GenerateDataKeyInput input) => new()
    {
        KeyId = input.KeyId,
        EncryptionContext = KmsInputs.Context(input.EncryptionContext),
        NumberOfBytes = input.NumberOfBytes,
        KeySpec = input.KeySpec,
        GrantTokens = input.GrantTokens,
        DryRun = input.DryRun == true,
    };

    private static KmsCryptoService Crypto(AwsRequestContext context) => context.Services.GetRequiredService<KmsCryptoService>();
}
