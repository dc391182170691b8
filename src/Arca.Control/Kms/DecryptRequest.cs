namespace Arca.Control.Kms;

/// <summary>The input of Decrypt.</summary>
public sealed record DecryptRequest
{
    public byte[]? CiphertextBlob { get; init; }

    /// <summary>Must equal the encryption context the ciphertext was made with.</summary>
    public IReadOnlyDictionary<string, string>? EncryptionContext { get; init; }

    /// <summary>Optional: when given, it must name the key the ciphertext was made with (<c>IncorrectKeyException</c> otherwise).</summary>
    public string? KeyId { get; init; }

    public IReadOnlyList<string>? GrantTokens { get; init; }

    public string? EncryptionAlgorithm { get; init; }

    public bool DryRun { get; init; }
}
