using Arca.Storage.Format;

namespace Arca.Storage.Tests.Engine;

/// <summary>A blob, the pack that holds it and its entry in that pack.</summary>
internal readonly record struct BlobLocation(BlobId Blob, BlobId Pack, PackEntry Entry)
{
    public string PackKey => FormatIds.PackKey(Pack);

    /// <summary>Offset in the pack of the blob's middle byte.</summary>
    public long Middle => Entry.Offset + (Entry.Length / 2);
}
