using System.Collections.Concurrent;
using Arca.Control.Backup.RecoveryPoints;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>A test double of the vault service's <see cref="IRecoveryPointCatalog"/>; <see cref="FailAdds"/> makes AddAsync fail (a store error).</summary>
internal sealed class InMemoryRecoveryPointCatalog : IRecoveryPointCatalog
{
    private readonly ConcurrentDictionary<string, RecoveryPointRecord> _points = new(StringComparer.Ordinal);

    public bool FailAdds { get; set; }

    public IReadOnlyList<RecoveryPointRecord> All => [.. _points.Values.OrderBy(p => p.CreationDate)];

    public Task AddAsync(RecoveryPointRecord recoveryPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recoveryPoint);
        if (FailAdds)
        {
            throw new IOException("the catalog's store failed");
        }

        return _points.TryAdd(recoveryPoint.RecoveryPointArn, recoveryPoint)
            ? Task.CompletedTask
            : throw new InvalidOperationException($"recovery point {recoveryPoint.RecoveryPointArn} exists");
    }

    public Task<RecoveryPointRecord?> GetAsync(string region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult(_points.TryGetValue(recoveryPointArn, out RecoveryPointRecord? p) && p.Region == region && p.AccountId == accountId && p.BackupVaultName == vaultName ? p : null);

    public Task<RecoveryPointRecord?> FindAsync(string region, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult(_points.TryGetValue(recoveryPointArn, out RecoveryPointRecord? p) && p.Region == region ? p : null);
}
