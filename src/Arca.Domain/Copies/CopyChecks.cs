namespace Arca.Domain.Copies;

/// <summary>
/// The checks AWS Backup makes before a copy job moves data, in AWS's order, each failing with AWS's
/// published job message (reference aws-api.md §5.4): cross-account backup enabled, same
/// organization, the destination vault's access policy (CopyIntoBackupVault), the source side's
/// CopyFromBackupVault, AWS-managed keys, key usability, the destination vault lock's retention range,
/// and cold storage. Pure.
/// </summary>
public static class CopyChecks
{
    public const string CrossAccountDisabled = "Copy job failed. Cross-account copy feature is not enabled for the current organization.";
    public const string NotSameOrganization = "Copy job failed. Both source and destination account must be a member of the same organization.";
    public const string AccessDenied = "Access Denied trying to call AWS Backup service";
    public const string AwsManagedKey = "Copy job failed. Snapshots encrypted with the AWS managed key can't be shared. Use a customer managed key for the source vault.";
    public const string KeyNotAccessible = "Given key ID is not accessible";
    public const string KeyUnavailable = "Copy job failed. KMS key is either disabled or pending deletion or access to KMS key is denied.";
    public const string RetentionOutOfRange = "Copy job failed. The retention specified in the job is not within the range specified for the target Backup Vault.";
    public const string ColdStorage = "Copy job failed. Recovery points in cold storage cannot be copied.";

    /// <summary>The first failing check, or <see cref="CopyCheckResult.Passed"/>.</summary>
    public static CopyCheckResult Evaluate(CopyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.CrossAccount)
        {
            if (!facts.CrossAccountBackupEnabled)
            {
                return new(CrossAccountDisabled, "INVALIDPARAMETERS");
            }

            if (!facts.SameOrganization)
            {
                return new(NotSameOrganization, "INVALIDPARAMETERS");
            }
        }

        if (!facts.DestinationAllowsCopyInto)
        {
            return new(AccessDenied + Reason(facts.DestinationDenialReason), "AccessDenied");
        }

        if (!facts.SourceAllowsCopyFrom)
        {
            return new(AccessDenied + Reason(facts.SourceDenialReason), "AccessDenied");
        }

        if (facts.CrossAccount && facts.SourceKeyIsAwsManaged && !facts.ResourceTypeFullyManaged)
        {
            return new(AwsManagedKey, "INVALIDPARAMETERS");
        }

        if (!facts.SourceKeyUsable)
        {
            return new(KeyNotAccessible, "AccessDenied");
        }

        if (!facts.DestinationKeyUsable)
        {
            return new(KeyUnavailable, "AccessDenied");
        }

        if (!WithinLock(facts))
        {
            return new(RetentionOutOfRange, "INVALIDPARAMETERS");
        }

        return facts.SourceInColdStorage ? new(ColdStorage, "INVALIDPARAMETERS") : CopyCheckResult.Passed;
    }

    private static bool WithinLock(CopyFacts facts)
    {
        if (facts.LockMinRetentionDays is null && facts.LockMaxRetentionDays is null)
        {
            return true;
        }

        // "Keep forever" is longer than any maximum, and satisfies any minimum.
        if (facts.RetentionDays is not { } days)
        {
            return facts.LockMaxRetentionDays is null;
        }

        return (facts.LockMinRetentionDays is not { } min || days >= min) && (facts.LockMaxRetentionDays is not { } max || days <= max);
    }

    private static string Reason(string? reason) => reason is null ? string.Empty : ": " + reason;
}
