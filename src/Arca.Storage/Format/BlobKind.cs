namespace Arca.Storage.Format;

/// <summary>What a blob holds. Persisted as one byte; values are never reused.</summary>
public enum BlobKind : byte
{
    /// <summary>A chunk of file content.</summary>
    Data = 1,

    /// <summary>A directory listing.</summary>
    Tree = 2,
}
