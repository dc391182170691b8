namespace Arca.Api.Endpoints.Kms;

// Wire shapes of the cryptographic operations. Blobs are base64 strings on the wire (byte[] in System.Text.Json).

internal sealed record EncryptInput(
    string? KeyId, byte[]? Plaintext, Dictionary<string, string?>? EncryptionContext, List<string>? GrantTokens, string? EncryptionAlgorithm, bool? DryRun);

internal sealed record DecryptInput(
    byte[]? CiphertextBlob,
    Dictionary<string, string?>? EncryptionContext,
    List<string>? GrantTokens,
    string? KeyId,
    string? EncryptionAlgorithm,
    System.Text.Json.JsonElement? Recipient,
    bool? DryRun);

internal sealed record ReEncryptInput(
    byte[]? CiphertextBlob,
    Dictionary<string, string?>? SourceEncryptionContext,
    string? SourceKeyId,
    string? DestinationKeyId,
    Dictionary<string, string?>? DestinationEncryptionContext,
    string? SourceEncryptionAlgorithm,
    string? DestinationEncryptionAlgorithm,
    List<string>? GrantTokens,
    bool? DryRun);

internal sealed record GenerateDataKeyInput(
    string? KeyId, Dictionary<string, string?>? EncryptionContext, int? NumberOfBytes, string? KeySpec, List<string>? GrantTokens, System.Text.Json.JsonElement? Recipient, bool? DryRun);

internal sealed record GenerateRandomInput(int? NumberOfBytes, string? CustomKeyStoreId, System.Text.Json.JsonElement? Recipient);

internal sealed record EncryptOutput(byte[] CiphertextBlob, string KeyId, string EncryptionAlgorithm);

internal sealed record DecryptOutput(string KeyId, byte[] Plaintext, string EncryptionAlgorithm);

internal sealed record ReEncryptOutput(
    byte[] CiphertextBlob, string SourceKeyId, string KeyId, string SourceEncryptionAlgorithm, string DestinationEncryptionAlgorithm);

internal sealed record GenerateDataKeyOutput(byte[] CiphertextBlob, byte[]? Plaintext, string KeyId);

internal sealed record GenerateRandomOutput(byte[] Plaintext);
