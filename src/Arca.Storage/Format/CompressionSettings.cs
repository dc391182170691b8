namespace Arca.Storage.Format;

/// <summary>The compression a vault uses for new blobs.</summary>
public sealed record CompressionSettings(string Algorithm, int Level);
