using Arca.Storage.Format;

namespace Arca.Storage.Copy;

/// <summary>
/// The outcome of a copy: the destination recovery point, and what moved — blobs read from the
/// source (only those the destination's ledger could not map), blobs and stored bytes written.
/// </summary>
public sealed record CopyResult(
    BlobId RecoveryPointId,
    Manifest Manifest,
    long BlobsReferenced,
    long BlobsRead,
    long BytesRead,
    long BlobsWritten,
    long BytesTransferred);
