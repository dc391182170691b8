using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Copies;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Copies;

/// <summary>
/// Gathers what <see cref="CopyChecks"/> decides on (aws-api.md §5.4): the organization of both accounts and whether its
/// management account enabled cross-account backup (<see cref="CrossAccountBackup"/>), the destination vault's access policy
/// for <c>backup:CopyIntoBackupVault</c> (<see cref="CopyIntoAuthorizer"/>), a Deny of <c>backup:CopyFromBackupVault</c> on the
/// source side (the source vault's access policy, the role's policies and SCPs, with <c>backup:CopyTargets</c>), the keys
/// (an <c>aws/backup</c> source key; a customer managed source key must be usable by the destination account across
/// accounts), the destination vault lock's range and the source's storage class.
/// </summary>
/// <remarks>Thread-safe; call outside any metadata transaction.</remarks>
public sealed class CopyFactFinder(
    RegionSet regions,
    Authorizer authorizer,
    RoleService roles,
    IOrganizationMembership organizations,
    CrossAccountBackup crossAccountBackup,
    CopyIntoAuthorizer copyInto,
    KeyResolver keys)
{
    /// <summary>The facts of one copy, and why a policy refused it (for the job's record, not its message).</summary>
    public async Task<(CopyFacts Facts, string? DenialReason)> GatherAsync(CopyFactsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Arn destination = Arn.Parse(request.DestinationBackupVaultArn);
        bool crossAccount = destination.Account != request.SourceAccountId;
        OrganizationMembership? source = await organizations.GetMembershipAsync(request.SourceAccountId, cancellationToken).ConfigureAwait(false);
        OrganizationMembership? target = crossAccount
            ? await organizations.GetMembershipAsync(destination.Account, cancellationToken).ConfigureAwait(false)
            : source;
        bool enabled = source is not null && await crossAccountBackup.IsEnabledAsync(source.OrganizationId, cancellationToken).ConfigureAwait(false);

        AccessDecision into = await CopyIntoAsync(request, cancellationToken).ConfigureAwait(false);
        bool intoAllowed = crossAccount ? into.IsAllowed : into.Outcome != AccessOutcome.ExplicitDeny;
        AccessDecision from = await CopyFromAsync(request, source, cancellationToken).ConfigureAwait(false);
        bool fromAllowed = from.Outcome != AccessOutcome.ExplicitDeny;

        bool awsManaged = await keys.IsAwsManagedAsync(request.SourceRegion, request.SourceEncryptionKeyArn, cancellationToken).ConfigureAwait(false);
        bool sourceKeyUsable = request.SourceVaultOpened && (!crossAccount || awsManaged
            || await UsableByAsync(destination.Account, request.SourceRegion, request.SourceEncryptionKeyArn, cancellationToken).ConfigureAwait(false));
        var facts = new CopyFacts
        {
            CrossAccount = crossAccount,
            CrossRegion = destination.Region != request.SourceRegion,
            CrossAccountBackupEnabled = enabled,
            SameOrganization = source is not null && target is not null && source.OrganizationId == target.OrganizationId,
            DestinationAllowsCopyInto = intoAllowed,
            SourceAllowsCopyFrom = fromAllowed,
            SourceKeyIsAwsManaged = awsManaged,
            SourceKeyUsable = sourceKeyUsable,
            DestinationKeyUsable = request.DestinationKeyUsable,
            RetentionDays = request.RetentionDays,
            LockMinRetentionDays = request.DestinationLock?.MinRetentionDays,
            LockMaxRetentionDays = request.DestinationLock?.MaxRetentionDays,
            SourceInColdStorage = request.SourceStorageClass == "COLD",
        };
        string? reason = !intoAllowed ? "destination: " + into.Reason : !fromAllowed ? "source: " + from.Reason : null;
        return (facts, reason);
    }

    /// <summary>
    /// backup:CopyIntoBackupVault on the destination vault. A destination vault that does not exist is a refusal: across accounts
    /// AWS cannot tell it apart from a denial either (and telling would reveal another account's vaults).
    /// </summary>
    private async Task<AccessDecision> CopyIntoAsync(CopyFactsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            CopyIntoDecision decision = await copyInto.AuthorizeCopyIntoAsync(
                new CopyIntoRequest(request.SourceAccountId, request.IamRoleArn, request.DestinationBackupVaultArn), cancellationToken).ConfigureAwait(false);
            return decision.Decision;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return new AccessDecision(AccessOutcome.ExplicitDeny, "the destination vault does not exist", []);
        }
    }

    /// <summary>backup:CopyFromBackupVault on the source recovery point, with the source vault's access policy and backup:CopyTargets.</summary>
    private async Task<AccessDecision> CopyFromAsync(CopyFactsRequest request, OrganizationMembership? membership, CancellationToken cancellationToken)
    {
        CallerIdentity? principal = await PrincipalAsync(request, membership, cancellationToken).ConfigureAwait(false);
        if (principal is null)
        {
            return new AccessDecision(AccessOutcome.ImplicitDeny, $"role {request.IamRoleArn} does not exist", []);
        }

        VaultDocument? vault = await regions.Get(request.SourceRegion).Store.TransactAsync(
            tx => VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(request.SourceAccountId, request.SourceBackupVaultName)), cancellationToken).ConfigureAwait(false);
        NamedPolicy? policy;
        try
        {
            policy = vault is null ? null : VaultAccess.PolicyOf(vault);
        }
        catch (AwsServiceException e)
        {
            return new AccessDecision(AccessOutcome.ExplicitDeny, e.Message, []); // an unreadable policy fails closed
        }

        ConditionKeys extra = ConditionKeys.Empty.With(ConditionKeyNames.BackupCopyTargets, request.DestinationBackupVaultArn);
        if (vault is not null)
        {
            extra = extra.With(VaultAccess.TagKeys(vault));
        }

        return await authorizer.DecideAsync(
            principal, "backup:CopyFromBackupVault", request.SourceRecoveryPointArn, request.SourceAccountId, policy, AuthorizationMode.Standard, extra, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A session of the copy's role (as the backup service assumes it), or null when the role is gone.</summary>
    private async Task<CallerIdentity?> PrincipalAsync(CopyFactsRequest request, OrganizationMembership? membership, CancellationToken cancellationToken)
    {
        Arn roleArn = Arn.Parse(request.IamRoleArn);
        Role? role = await roles.FindRoleAsync(request.SourceAccountId, roleArn.RoleName!, cancellationToken).ConfigureAwait(false);
        return role is null ? null : new CallerIdentity
        {
            AccountId = request.SourceAccountId,
            PrincipalArn = Arn.AssumedRole(role.AccountId, role.RoleName, CopyIntoAuthorizer.CopySessionName).ToString(),
            Kind = Identity.PrincipalKind.AssumedRole,
            AccessKeyId = "(backup service)",
            Region = request.SourceRegion,
            RoleArn = role.Arn,
            RoleId = role.RoleId,
            SessionName = CopyIntoAuthorizer.CopySessionName,
            OrganizationId = membership?.OrganizationId,
            OrganizationPaths = membership?.OrganizationPaths ?? [],
        };
    }

    /// <summary>Whether the backup service acting for <paramref name="accountId"/> may use the source key (its key policy must name that account).</summary>
    private async Task<bool> UsableByAsync(string accountId, string region, string keyArn, CancellationToken cancellationToken)
    {
        try
        {
            await keys.ResolveAsync(accountId, region, keyArn, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException)
        {
            return false;
        }
    }
}
