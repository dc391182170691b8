namespace Arca.Domain.Copies;

/// <summary>
/// What a copy job's checks look at, gathered by the control plane before any data moves. Each
/// member is a finding, not a question: the gathering code evaluates policies and keys and records
/// the results here, so the order and the messages of the checks stay in one pure function
/// (<see cref="CopyChecks"/>).
/// </summary>
public sealed record CopyFacts
{
    /// <summary>The destination vault belongs to another account than the source recovery point.</summary>
    public required bool CrossAccount { get; init; }

    /// <summary>The destination vault is in another region.</summary>
    public required bool CrossRegion { get; init; }

    /// <summary>The organization's management account enabled cross-account backup (isCrossAccountBackupEnabled).</summary>
    public bool CrossAccountBackupEnabled { get; init; }

    /// <summary>Both accounts are members of the same organization.</summary>
    public bool SameOrganization { get; init; }

    /// <summary>The destination vault's access policy lets the source principal call backup:CopyIntoBackupVault (same-account: always true).</summary>
    public required bool DestinationAllowsCopyInto { get; init; }

    /// <summary>Why the destination refused, for the message (the decision's reason).</summary>
    public string? DestinationDenialReason { get; init; }

    /// <summary>No Deny of backup:CopyFromBackupVault applies on the source side (backup:CopyTargets included).</summary>
    public required bool SourceAllowsCopyFrom { get; init; }

    public string? SourceDenialReason { get; init; }

    /// <summary>The source vault's key is an AWS-managed key (aws/backup).</summary>
    public required bool SourceKeyIsAwsManaged { get; init; }

    /// <summary>
    /// Arca's resource types are "fully managed" in AWS's sense (the backup service encrypts their data
    /// itself), so an aws/backup source key does not stop a cross-account copy. Kept as a fact so a
    /// future non-fully-managed type gets AWS's refusal.
    /// </summary>
    public bool ResourceTypeFullyManaged { get; init; } = true;

    /// <summary>The destination vault's key is enabled and usable by the destination account's backup service.</summary>
    public required bool DestinationKeyUsable { get; init; }

    /// <summary>The source vault's key is enabled and usable to read the recovery point.</summary>
    public required bool SourceKeyUsable { get; init; }

    /// <summary>The retention of the copy in days (null: kept forever).</summary>
    public long? RetentionDays { get; init; }

    /// <summary>The destination vault's lock range, when locked.</summary>
    public long? LockMinRetentionDays { get; init; }

    public long? LockMaxRetentionDays { get; init; }

    /// <summary>The source recovery point is in cold storage.</summary>
    public required bool SourceInColdStorage { get; init; }
}
