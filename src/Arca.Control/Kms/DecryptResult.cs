namespace Arca.Control.Kms;

/// <summary>The output of Decrypt.</summary>
/// <param name="Plaintext">The decrypted bytes.</param>
/// <param name="KeyArn">The ARN of the key that decrypted it.</param>
public sealed record DecryptResult(byte[] Plaintext, string KeyArn)
{
    /// <inheritdoc/>
    public override string ToString() => $"DecryptResult({KeyArn}, {Plaintext.Length} bytes)";
}
