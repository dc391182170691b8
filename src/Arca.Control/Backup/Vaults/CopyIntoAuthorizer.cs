using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// <c>backup:CopyIntoBackupVault</c>, the one action a standard vault honours across accounts (reference §5.1): decides whether
/// the source of a copy (its role, or its account) may copy into a destination vault, with the destination vault's access
/// policy as the resource policy and the organization keys of the source account (<c>aws:PrincipalOrgID</c>,
/// <c>aws:PrincipalOrgPaths</c>). Across accounts both sides must allow: the role's inline policies (an account root always
/// does) and the vault policy; within one account either suffices; a Deny anywhere wins.
/// </summary>
/// <remarks>Thread-safe. For the copy engineer: a refusal is a copy job FAILED with <see cref="CopyIntoDecision.Message"/>.</remarks>
public sealed class CopyIntoAuthorizer(RegionSet regions, Authorizer authorizer, RoleService roles, IOrganizationMembership organizations)
{
    /// <summary>The status message of a copy job the destination vault refuses, as AWS Backup writes it.</summary>
    public const string AccessDeniedMessage = "Access Denied trying to call AWS Backup service";

    /// <summary>The session name the backup service's sessions of a copy role carry.</summary>
    public const string CopySessionName = "AWSBackup-CopyJob";

    /// <exception cref="Errors.AwsServiceException">InvalidParameterValueException for a malformed vault or role ARN;
    /// ResourceNotFoundException when the destination vault does not exist (in a served region).</exception>
    public async Task<CopyIntoDecision> AuthorizeCopyIntoAsync(CopyIntoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Arn.TryParse(request.DestinationBackupVaultArn, out Arn? destination, out _) || destination.Kind != ArnKind.BackupVault)
        {
            throw BackupErrors.InvalidParameterValue(
                $"DestinationBackupVaultArn: '{VaultNames.Cut(request.DestinationBackupVaultArn ?? string.Empty)}' is not a backup vault ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME)");
        }

        if (!regions.Serves(destination.Region))
        {
            throw VaultErrors.VaultNotFound(destination.Account, destination.Region, destination.ResourceId);
        }

        Region region = regions.Get(destination.Region);
        VaultDocument vault = await region.Store.TransactAsync(
            tx => VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(destination.Account, destination.ResourceId)), cancellationToken).ConfigureAwait(false)
            ?? throw VaultErrors.VaultNotFound(destination.Account, destination.Region, destination.ResourceId);
        CallerIdentity? source = await SourceAsync(request, destination.Region, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return Denied(new AccessDecision(AccessOutcome.ImplicitDeny, $"Implicitly denied: role {request.IamRoleArn} does not exist", []));
        }

        AccessDecision decision = await authorizer.DecideAsync(
            source, "backup:CopyIntoBackupVault", vault.BackupVaultArn, vault.AccountId, VaultAccess.PolicyOf(vault), AuthorizationMode.Standard, VaultAccess.TagKeys(vault),
            cancellationToken).ConfigureAwait(false);
        return decision.IsAllowed ? new CopyIntoDecision(true, null, decision) : Denied(decision);
    }

    private static CopyIntoDecision Denied(AccessDecision decision) => new(false, AccessDeniedMessage, decision);

    /// <summary>The principal of the copy: a session of its role, or the source account's root; null when the role is gone.</summary>
    private async Task<CallerIdentity?> SourceAsync(CopyIntoRequest request, string region, CancellationToken cancellationToken)
    {
        Domain.Arns.AccountId.Validate(request.SourceAccountId, nameof(request.SourceAccountId));
        OrganizationMembership? membership = await organizations.GetMembershipAsync(request.SourceAccountId, cancellationToken).ConfigureAwait(false);
        var root = new CallerIdentity
        {
            AccountId = request.SourceAccountId,
            PrincipalArn = Arn.AccountRoot(request.SourceAccountId).ToString(),
            Kind = Identity.PrincipalKind.AccountRoot,
            AccessKeyId = "(backup service)",
            Region = region,
            OrganizationId = membership?.OrganizationId,
            OrganizationPaths = membership?.OrganizationPaths ?? [],
        };
        if (request.IamRoleArn is null)
        {
            return root;
        }

        if (!Arn.TryParse(request.IamRoleArn, out Arn? roleArn, out _) || roleArn.Kind != ArnKind.Role || roleArn.Account != request.SourceAccountId)
        {
            throw BackupErrors.InvalidParameterValue($"IamRoleArn: '{VaultNames.Cut(request.IamRoleArn)}' must be the ARN of a role of account {request.SourceAccountId}");
        }

        Role? role = await roles.FindRoleAsync(request.SourceAccountId, roleArn.RoleName!, cancellationToken).ConfigureAwait(false);
        return role is null ? null : root with
        {
            PrincipalArn = Arn.AssumedRole(role.AccountId, role.RoleName, CopySessionName).ToString(),
            Kind = Identity.PrincipalKind.AssumedRole,
            RoleArn = role.Arn,
            RoleId = role.RoleId,
            SessionName = CopySessionName,
        };
    }
}
