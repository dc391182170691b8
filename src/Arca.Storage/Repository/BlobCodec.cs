using Arca.Storage.Compression;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// Seals and opens blobs (compress → encrypt; decrypt → decompress → check the keyed id). Holds
/// per-thread state: use one instance per worker, never concurrently.
/// </summary>
public sealed class BlobCodec : IDisposable
{
    private readonly VaultKeys _keys;
    private readonly Aead _aead;
    private readonly ChunkCompressor _compressor;
    private byte[] _scratch = [];

    public BlobCodec(VaultKeys keys, int compressionLevel)
    {
        _keys = keys;
        _aead = keys.CreateAead();
        _compressor = new ChunkCompressor(compressionLevel);
    }

    public BlobId ComputeId(ReadOnlySpan<byte> plaintext) => _keys.ComputeId(plaintext);

    /// <summary>Largest sealed size for a plaintext of <paramref name="rawLength"/> bytes.</summary>
    public static int SealedBound(int rawLength) => ChunkCompressor.Bound(rawLength) + Aead.Overhead;

    /// <summary>
    /// Compresses (when it pays) and encrypts <paramref name="plaintext"/> into
    /// <paramref name="destination"/> (at least <see cref="SealedBound"/> bytes). Returns the sealed
    /// length and the compression used. Data blobs are probed on their head before being compressed whole
    /// unless <paramref name="probe"/> is false.
    /// </summary>
    public (int Length, BlobCompression Compression) Seal(BlobKind kind, BlobId id, ReadOnlySpan<byte> plaintext, Span<byte> destination, bool compress = true, bool probe = true)
    {
        Span<byte> ad = stackalloc byte[AssociatedData.BlobSize];
        if (compress && plaintext.Length > 64)
        {
            // Compress straight into the envelope, then encrypt in place: no intermediate buffer.
            var n = _compressor.TryCompress(plaintext, destination[Aead.NonceSize..^Aead.TagSize], probe: probe && kind == BlobKind.Data);
            if (n > 0)
            {
                AssociatedData.Blob(kind, BlobCompression.Zstd, id, ad);
                _aead.SealInPlace(destination, n, ad);
                return (n + Aead.Overhead, BlobCompression.Zstd);
            }
        }

        AssociatedData.Blob(kind, BlobCompression.None, id, ad);
        _aead.Seal(plaintext, ad, destination);
        return (plaintext.Length + Aead.Overhead, BlobCompression.None);
    }

    /// <summary>
    /// Opens a sealed blob into <paramref name="destination"/> (exactly its raw length) and checks
    /// that its keyed id matches. Returns null on success, else what is wrong.
    /// </summary>
    public string? TryOpen(in PackEntry entry, ReadOnlySpan<byte> sealedBlob, Span<byte> destination)
    {
        if (destination.Length != entry.RawLength || sealedBlob.Length != entry.Length)
        {
            return "length does not match the index";
        }

        Span<byte> ad = stackalloc byte[AssociatedData.BlobSize];
        AssociatedData.Blob(entry.Kind, entry.Compression, entry.Id, ad);
        var payloadLength = sealedBlob.Length - Aead.Overhead;
        if (payloadLength < 0)
        {
            return "blob is truncated";
        }

        if (entry.Compression == BlobCompression.None)
        {
            if (payloadLength != destination.Length || !_aead.TryOpen(sealedBlob, ad, destination))
            {
                return "authentication failed (data altered)";
            }
        }
        else
        {
            EnsureScratch(payloadLength);
            var payload = _scratch.AsSpan(0, payloadLength);
            if (!_aead.TryOpen(sealedBlob, ad, payload))
            {
                return "authentication failed (data altered)";
            }

            if (!_compressor.TryDecompress(payload, destination))
            {
                return "decompression failed";
            }
        }

        return _keys.ComputeId(destination) == entry.Id ? null : "content hash does not match its id";
    }

    public void Dispose()
    {
        _aead.Dispose();
        _compressor.Dispose();
    }

    private void EnsureScratch(int size)
    {
        if (_scratch.Length < size)
        {
            _scratch = new byte[Math.Max(size, 64 * 1024)];
        }
    }
}
