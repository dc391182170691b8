namespace Arca.Control.Backup.Copies;

/// <summary>
/// The region-transfer seam of copy jobs (docs/design/backup-service.md §11): gives the destination side of a copy the
/// source recovery point as an <see cref="Storage.Copy.IRecoveryPointSource"/>. The engine's <c>VaultCopy</c> runs where the
/// destination vault is and asks the source only for the manifest, the trees and the data blobs its copy ledger cannot map,
/// so only chunks the destination lacks cross between regions.
/// </summary>
/// <remarks>
/// <para>Inside one process (every region hosted here, the embedded default) <see cref="InProcessRegionTransfer"/> opens the
/// source vault directly. Its network form comes with scale-out, when each region is its own deployment: the source region's
/// copy runner sends a signed request to the destination region's servers, which run the engine copy and read the source
/// through an <c>IRecoveryPointSource</c> served by the source region over the signed API (manifest, tree and blob reads,
/// each verified by the destination as today). The interface is shaped for that: the source is named by account, region
/// and vault, never by a local object, and every read is by content id.</para>
/// <para>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s: ResourceNotFoundException for an unknown vault,
/// <see cref="Kms.KmsKeyUnavailableException"/> when the source vault's key is unusable.</para>
/// </remarks>
public interface IRegionTransfer
{
    /// <summary>
    /// Opens vault <paramref name="vaultName"/> of <paramref name="accountId"/> in <paramref name="region"/> as a copy source, as the
    /// backup service acting for that account. The source holds the source vault's shared lock (so garbage collection does not
    /// remove what the copy reads) until disposed.
    /// </summary>
    Task<CopySource> OpenSourceAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default);
}
