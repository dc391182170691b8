namespace Arca.Control.Kms;

/// <summary>The input of ReEncrypt: decrypts under the source key and encrypts under the destination key.</summary>
public sealed record ReEncryptRequest
{
    public byte[]? CiphertextBlob { get; init; }

    public IReadOnlyDictionary<string, string>? SourceEncryptionContext { get; init; }

    public string? SourceKeyId { get; init; }

    public string? DestinationKeyId { get; init; }

    public IReadOnlyDictionary<string, string>? DestinationEncryptionContext { get; init; }

    public string? SourceEncryptionAlgorithm { get; init; }

    public string? DestinationEncryptionAlgorithm { get; init; }

    public IReadOnlyList<string>? GrantTokens { get; init; }

    public bool DryRun { get; init; }
}
