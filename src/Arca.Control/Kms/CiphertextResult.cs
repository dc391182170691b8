namespace Arca.Control.Kms;

/// <summary>The output of Encrypt, ReEncrypt, GenerateDataKey and GenerateDataKeyWithoutPlaintext.</summary>
/// <param name="CiphertextBlob">The ciphertext (docs/design/kms.md §3), opaque to clients.</param>
/// <param name="KeyArn">The ARN of the key that encrypted it.</param>
/// <param name="Plaintext">GenerateDataKey's plaintext data key; null for the other operations.</param>
/// <param name="SourceKeyArn">ReEncrypt's source key ARN; null for the other operations.</param>
public sealed record CiphertextResult(byte[] CiphertextBlob, string KeyArn, byte[]? Plaintext = null, string? SourceKeyArn = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"CiphertextResult({KeyArn}, {CiphertextBlob.Length} bytes)";
}
