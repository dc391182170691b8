using System.Security.Cryptography;

namespace Arca.Storage.Crypto;

/// <summary>
/// AES-256-GCM envelopes: <c>nonce(12) ‖ ciphertext ‖ tag(16)</c> with a fresh random nonce.
/// One instance per thread (the underlying <see cref="AesGcm"/> is not thread-safe).
/// </summary>
public sealed class Aead : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;
    private readonly AesGcm _gcm;

    public Aead(ReadOnlySpan<byte> key) => _gcm = new AesGcm(key, TagSize);

    /// <summary>Encrypts into <paramref name="destination"/>, which must hold plaintext + <see cref="Overhead"/> bytes.</summary>
    public void Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> destination)
    {
        var nonce = destination[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        _gcm.Encrypt(
            nonce,
            plaintext,
            destination.Slice(NonceSize, plaintext.Length),
            destination.Slice(NonceSize + plaintext.Length, TagSize),
            associatedData);
    }

    /// <summary>
    /// Encrypts in place: the plaintext already sits at <paramref name="envelope"/>[12..12+length];
    /// writes the nonce before it and the tag after it. <paramref name="envelope"/> must hold length + <see cref="Overhead"/> bytes.
    /// </summary>
    public void SealInPlace(Span<byte> envelope, int length, ReadOnlySpan<byte> associatedData)
    {
        var nonce = envelope[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        var text = envelope.Slice(NonceSize, length);
        _gcm.Encrypt(nonce, text, text, envelope.Slice(NonceSize + length, TagSize), associatedData);
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var result = new byte[plaintext.Length + Overhead];
        Seal(plaintext, associatedData, result);
        return result;
    }

    /// <summary>
    /// Decrypts and authenticates. Returns false (and leaves <paramref name="destination"/> zeroed)
    /// when the envelope was altered, truncated, or sealed with other associated data or another key.
    /// </summary>
    public bool TryOpen(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData, Span<byte> destination)
    {
        if (envelope.Length < Overhead || destination.Length != envelope.Length - Overhead)
        {
            return false;
        }

        try
        {
            _gcm.Decrypt(
                envelope[..NonceSize],
                envelope.Slice(NonceSize, destination.Length),
                envelope[^TagSize..],
                destination,
                associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public byte[]? TryOpen(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData)
    {
        if (envelope.Length < Overhead)
        {
            return null;
        }

        var result = new byte[envelope.Length - Overhead];
        return TryOpen(envelope, associatedData, result) ? result : null;
    }

    public void Dispose() => _gcm.Dispose();
}
