using System.Collections.Concurrent;
using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Domain.Arns;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>
/// A test double of the vault service for the in-process server (until the vault branch lands): engine vaults in
/// memory with a local key file, an in-memory catalog, and an optional gate that holds every vault opening until it is
/// released or the job is cancelled (to catch a job RUNNING).
/// </summary>
internal sealed class MemoryVaultService(string keyDirectory) : IBackupVaults, IRecoveryPointCatalog
{
    private readonly ConcurrentDictionary<string, OpenedBackupVault> _vaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecoveryPointRecord> _points = new(StringComparer.Ordinal);

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Opening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecoveryPointRecord> Points => [.. _points.Values];

    /// <summary>Creates the engine vault; the vault document itself is put by <see cref="BackupApi.AddVaultAsync"/>.</summary>
    public async Task AddAsync(string accountId, string region, string name)
    {
        Directory.CreateDirectory(keyDirectory);
        LocalKeyFile key = LocalKeyFile.LoadOrCreate(Path.Combine(keyDirectory, $"{accountId}-{region}-{name}.key"), out _);
        Vault vault = await Vault.InitAsync(new MemoryBlobStore(), key, new VaultInitOptions(), TimeProvider.System);
        _vaults[$"{region}/{accountId}/{name}"] = new OpenedBackupVault(
            accountId, region, name, Arn.BackupVault(region, accountId, name).ToString(), $"arn:aws:kms:{region}:{accountId}:key/test", null, vault);
    }

    public async Task<OpenedBackupVault> OpenAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default)
    {
        Opening.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return _vaults.TryGetValue($"{region}/{accountId}/{vaultName}", out OpenedBackupVault? vault)
            ? vault
            : throw BackupErrors.ResourceNotFound($"Backup vault {vaultName} not found");
    }

    public Task<OpenedBackupVault> OpenByArnAsync(string vaultArn, CancellationToken cancellationToken = default)
    {
        Arn arn = Arn.Parse(vaultArn);
        return OpenAsync(arn.Account, arn.Region, arn.ResourceId, cancellationToken);
    }

    public Task AddAsync(RecoveryPointRecord recoveryPoint, CancellationToken cancellationToken = default) =>
        _points.TryAdd(recoveryPoint.RecoveryPointArn, recoveryPoint) ? Task.CompletedTask : throw new InvalidOperationException("exists");

    public Task<RecoveryPointRecord?> GetAsync(string region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult(_points.TryGetValue(recoveryPointArn, out RecoveryPointRecord? p) && p.AccountId == accountId && p.BackupVaultName == vaultName && p.Region == region ? p : null);

    public Task<RecoveryPointRecord?> FindAsync(string region, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        Task.FromResult(_points.TryGetValue(recoveryPointArn, out RecoveryPointRecord? p) && p.Region == region ? p : null);
}
