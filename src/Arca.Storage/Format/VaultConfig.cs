using Arca.Storage.Chunking;

namespace Arca.Storage.Format;

/// <summary>The vault configuration stored (encrypted) in <c>config</c> (vault-format.md §4).</summary>
public sealed record VaultConfig
{
    public required int Version { get; init; }

    public required string Id { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required ChunkerParameters Chunker { get; init; }

    public required CompressionSettings Compression { get; init; }

    public required string BlobId { get; init; }

    public required string Cipher { get; init; }

    public required int PackSize { get; init; }

    /// <summary>Throws <see cref="FormatException"/> naming the first setting this code does not support.</summary>
    public void Validate()
    {
        if (Version != FormatIds.VaultFormatVersion)
        {
            throw new FormatException($"vault format version {Version} is not supported (this Arca reads version {FormatIds.VaultFormatVersion})");
        }

        try
        {
            Chunker.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }

        if (Compression.Algorithm != FormatIds.CompressionZstd || Compression.Level is < 1 or > 19)
        {
            throw new FormatException($"unsupported compression {Compression.Algorithm} level {Compression.Level}");
        }

        if (BlobId != FormatIds.BlobIdHmacSha256 || Cipher != FormatIds.CipherAes256Gcm)
        {
            throw new FormatException($"unsupported blob id {BlobId} or cipher {Cipher}");
        }

        if (PackSize is < 64 * 1024 or > 1024 * 1024 * 1024)
        {
            throw new FormatException($"pack size {PackSize} is out of range");
        }
    }
}
