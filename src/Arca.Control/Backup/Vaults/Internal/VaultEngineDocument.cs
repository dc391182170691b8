namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// <c>vault-engines/{account}/{engineId}</c> (i1 = account): an engine directory that is being created or removed, so a crash
/// in between leaves a record of what to clean up (docs/design/backup-service.md §2). Deleted once the step completes.
/// </summary>
internal sealed record VaultEngineDocument
{
    public const string Creating = "creating";
    public const string Removing = "removing";

    public required string AccountId { get; init; }

    public required string BackupVaultName { get; init; }

    public required string EngineId { get; init; }

    /// <summary><see cref="Creating"/> or <see cref="Removing"/>.</summary>
    public required string State { get; init; }

    public required DateTimeOffset Since { get; init; }
}
