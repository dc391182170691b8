using Arca.Control.Iam;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// What an organization-managed plan needs and does not find (AWS checks none of it: DESIGN.md §1): each rule's target vault
/// in the plan's account and region, each copy action's destination vault in its account and region when this server serves
/// that region, and each selection's role in the plan's account.
/// </summary>
/// <remarks>Thread-safe. Opens its own transactions (vault catalog, roles): never call it from inside one.</remarks>
internal sealed class OrganizationPlanChecks(RegionSet regions, IVaultCatalog vaults, RoleService roles)
{
    public async Task<IReadOnlyList<OrganizationPlanFinding>> CheckAsync(
        string accountId, string region, BackupPlanInput plan, IEnumerable<BackupSelection> selections, CancellationToken cancellationToken)
    {
        var findings = new List<OrganizationPlanFinding>();
        foreach (BackupRuleInput rule in plan.Rules ?? [])
        {
            string vault = rule.TargetBackupVaultName!;
            if (!await vaults.ExistsAsync(accountId, region, vault, cancellationToken).ConfigureAwait(false))
            {
                findings.Add(new(OrganizationPlanFindingKind.TargetVaultMissing,
                    $"Rule {rule.RuleName}: the target backup vault {vault} does not exist in account {accountId} and region {region}; create it there"));
            }

            foreach (CopyAction copy in rule.CopyActions ?? [])
            {
                if (await CheckCopyAsync(rule.RuleName!, copy.DestinationBackupVaultArn!, cancellationToken).ConfigureAwait(false) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        foreach (BackupSelection selection in selections)
        {
            if (await CheckRoleAsync(accountId, selection, cancellationToken).ConfigureAwait(false) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private async Task<OrganizationPlanFinding?> CheckCopyAsync(string rule, string destination, CancellationToken cancellationToken)
    {
        if (!Arn.TryParse(destination, out Arn? arn, out _) || arn.Kind != ArnKind.BackupVault)
        {
            return new(OrganizationPlanFindingKind.CopyDestinationMissing, $"Rule {rule}: the copy destination {destination} is not a backup vault ARN");
        }

        if (!regions.Serves(arn.Region))
        {
            return new(OrganizationPlanFindingKind.RegionNotServed,
                $"Rule {rule}: the copy destination {destination} is in region {arn.Region}, which this Arca does not serve (it serves {string.Join(", ", regions.Names)}); copies there cannot run");
        }

        return await vaults.ExistsAsync(arn.Account, arn.Region, arn.ResourceId, cancellationToken).ConfigureAwait(false)
            ? null
            : new(OrganizationPlanFindingKind.CopyDestinationMissing,
                $"Rule {rule}: the copy destination vault {arn.ResourceId} does not exist in account {arn.Account} and region {arn.Region}; create it there");
    }

    private async Task<OrganizationPlanFinding?> CheckRoleAsync(string accountId, BackupSelection selection, CancellationToken cancellationToken)
    {
        string roleArn = selection.IamRoleArn!;
        string where = $"Selection {selection.SelectionName}";
        if (!Arn.TryParse(roleArn, out Arn? arn, out _) || arn.Kind != ArnKind.Role)
        {
            return new(OrganizationPlanFindingKind.RoleMissing, $"{where}: {roleArn} is not an IAM role ARN");
        }

        if (arn.Account != accountId)
        {
            return new(OrganizationPlanFindingKind.RoleMissing,
                $"{where}: the IAM role {roleArn} belongs to account {arn.Account}; backups in account {accountId} need a role of that account (write $account in the policy)");
        }

        Role? role = await roles.FindRoleAsync(accountId, arn.RoleName!, cancellationToken).ConfigureAwait(false);
        if (role is null)
        {
            return new(OrganizationPlanFindingKind.RoleMissing,
                $"{where}: the IAM role {arn.RoleName} does not exist in account {accountId}; create it there, trusting backup.amazonaws.com");
        }

        return role.Arn == roleArn
            ? null
            : new(OrganizationPlanFindingKind.RoleMissing, $"{where}: the IAM role {arn.RoleName} exists in account {accountId} as {role.Arn}, not {roleArn}");
    }
}
