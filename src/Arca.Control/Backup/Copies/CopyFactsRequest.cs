using Arca.Control.Backup.Vaults;

namespace Arca.Control.Backup.Copies;

/// <summary>What the copy runner already knows when it asks <see cref="CopyFactFinder"/> for the rest.</summary>
public sealed record CopyFactsRequest
{
    public required string SourceAccountId { get; init; }

    public required string SourceRegion { get; init; }

    public required string SourceBackupVaultName { get; init; }

    public required string SourceRecoveryPointArn { get; init; }

    /// <summary>The source recovery point's key (its vault's).</summary>
    public required string SourceEncryptionKeyArn { get; init; }

    /// <summary>WARM or COLD.</summary>
    public required string SourceStorageClass { get; init; }

    /// <summary>The source vault opened (its key is enabled and usable by the source account).</summary>
    public required bool SourceVaultOpened { get; init; }

    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>The destination vault opened (its key is enabled and usable by the destination account).</summary>
    public required bool DestinationKeyUsable { get; init; }

    public VaultLockSettings? DestinationLock { get; init; }

    public required string IamRoleArn { get; init; }

    /// <summary>The copy's DeleteAfterDays (null: kept forever).</summary>
    public long? RetentionDays { get; init; }
}
