namespace Arca.Control.Kms;

/// <summary>The input of Encrypt.</summary>
public sealed record EncryptRequest
{
    /// <summary>Key id, key ARN, alias name or alias ARN (ARNs for another account's key).</summary>
    public string? KeyId { get; init; }

    /// <summary>1–4096 bytes.</summary>
    public byte[]? Plaintext { get; init; }

    /// <summary>Bound to the ciphertext: Decrypt needs exactly the same pairs.</summary>
    public IReadOnlyDictionary<string, string>? EncryptionContext { get; init; }

    public IReadOnlyList<string>? GrantTokens { get; init; }

    public string? EncryptionAlgorithm { get; init; }

    public bool DryRun { get; init; }
}
