namespace Arca.Control.Kms;

/// <summary>The input of GenerateDataKey and GenerateDataKeyWithoutPlaintext.</summary>
public sealed record GenerateDataKeyRequest
{
    public string? KeyId { get; init; }

    public IReadOnlyDictionary<string, string>? EncryptionContext { get; init; }

    /// <summary>1–1024; exactly one of this and <see cref="KeySpec"/>.</summary>
    public int? NumberOfBytes { get; init; }

    /// <summary><c>AES_256</c> or <c>AES_128</c>; exactly one of this and <see cref="NumberOfBytes"/>.</summary>
    public string? KeySpec { get; init; }

    public IReadOnlyList<string>? GrantTokens { get; init; }

    public bool DryRun { get; init; }
}
