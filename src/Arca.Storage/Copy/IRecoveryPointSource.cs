using Arca.Storage.Format;

namespace Arca.Storage.Copy;

/// <summary>
/// Where a copy reads from: the source vault's recovery point, its trees and, on demand, the
/// verified plaintext of single data blobs. This is the region-transfer seam: inside one process
/// it wraps a <see cref="Repository.VaultReader"/>; across regions it is served over the signed
/// API, and because the destination asks only for blobs it lacks, only those cross the network.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IRecoveryPointSource
{
    /// <summary>The source vault's id; the destination keeps a ledger per source vault.</summary>
    string VaultId { get; }

    Task<Manifest> LoadManifestAsync(BlobId recoveryPoint, CancellationToken cancellationToken);

    Task<Tree> LoadTreeAsync(BlobId tree, CancellationToken cancellationToken);

    /// <summary>Plaintext length of a data blob (from the source index).</summary>
    int RawLengthOf(BlobId data);

    /// <summary>Reads a data blob's plaintext, checked against its tag and hash, into <paramref name="destination"/> (exactly its raw length).</summary>
    Task ReadDataAsync(BlobId data, Memory<byte> destination, CancellationToken cancellationToken);
}
