namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// The recovery point catalog of a region (collection <c>recovery-points</c>, key
/// <c>{account}/{vault}/{uuid}</c>; i1 = account, i2 = resource ARN, i3 = creation date). The seam between
/// the job runners (which add entries after the engine committed) and the recovery point API.
/// </summary>
/// <remarks>Thread-safe; each call is one transaction.</remarks>
public interface IRecoveryPointCatalog
{
    /// <summary>Adds an entry; fails when the ARN exists.</summary>
    Task AddAsync(RecoveryPointRecord recoveryPoint, CancellationToken cancellationToken = default);

    /// <summary>The entry of <paramref name="recoveryPointArn"/> in its account's vault, or null.</summary>
    Task<RecoveryPointRecord?> GetAsync(string region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken = default);

    /// <summary>The entry of <paramref name="recoveryPointArn"/> wherever it is in the region (the ARN names the account), or null.</summary>
    Task<RecoveryPointRecord?> FindAsync(string region, string recoveryPointArn, CancellationToken cancellationToken = default);
}
