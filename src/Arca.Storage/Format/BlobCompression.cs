namespace Arca.Storage.Format;

/// <summary>How a blob's plaintext is stored. Persisted as one byte; values are never reused.</summary>
public enum BlobCompression : byte
{
    None = 0,
    Zstd = 1,
}
