namespace Arca.Storage.Blobs;

/// <summary>A listed object: its key and its size in bytes.</summary>
public readonly record struct BlobInfo(string Key, long Size);
