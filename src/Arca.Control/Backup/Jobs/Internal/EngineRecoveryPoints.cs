using Arca.Control.Backup.RecoveryPoints;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// Finding a backup job's recovery points in the engine vault by their manifest tags: the one an interrupted attempt
/// committed, and the latest one of a resource (the parent of an incremental Directory backup). Reads every manifest of
/// the vault (small objects); the catalog is not consulted, so a committed recovery point is found even before it has a
/// catalog entry.
/// </summary>
internal static class EngineRecoveryPoints
{
    /// <summary>The committed recovery point whose <c>arca:recovery-point-arn</c> is <paramref name="recoveryPointArn"/>, or null.</summary>
    public static async Task<(BlobId Id, Manifest Manifest)?> FindAsync(VaultReader vault, string recoveryPointArn, CancellationToken cancellationToken) =>
        Last(await vault.ListRecoveryPointsAsync(cancellationToken).ConfigureAwait(false), RecoveryPointManifestTags.RecoveryPointArn, recoveryPointArn);

    /// <summary>The newest committed recovery point of <paramref name="resourceArn"/>, or null (also when the vault cannot be listed now).</summary>
    public static async Task<(BlobId Id, Manifest Manifest)?> LatestOfAsync(VaultReader vault, string resourceArn, CancellationToken cancellationToken)
    {
        try
        {
            return Last(await vault.ListRecoveryPointsAsync(cancellationToken).ConfigureAwait(false), RecoveryPointManifestTags.ResourceArn, resourceArn);
        }
        catch (VaultException)
        {
            return null; // a recovery point deleted while listing: back up without a parent (a full read) rather than fail
        }
    }

    private static (BlobId Id, Manifest Manifest)? Last(IReadOnlyList<(BlobId Id, Manifest Manifest)> points, string tag, string value)
    {
        for (int i = points.Count - 1; i >= 0; i--)
        {
            if (points[i].Manifest.Tags.TryGetValue(tag, out string? found) && found == value)
            {
                return points[i];
            }
        }

        return null;
    }
}
