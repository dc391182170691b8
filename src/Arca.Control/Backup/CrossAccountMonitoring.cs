using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Backup;

/// <summary>
/// Backup's cross-account monitoring: trusted access of <c>backup.amazonaws.com</c> to the organization
/// (EnableAWSServiceAccess) is the switch; the management account and delegated administrators for
/// <c>backup.amazonaws.com</c> are the monitoring accounts, which see the backup, copy and restore jobs of every account of the
/// organization. The jobs API lists organization-wide only when <see cref="MonitoredOrganizationAsync"/> gives an organization.
/// </summary>
/// <remarks>Thread-safe; no authorization (the jobs API authorizes its own action first).</remarks>
public sealed class CrossAccountMonitoring(IOrganizationMembership organizations, ServiceAccessService serviceAccess, DelegatedAdministratorService delegated)
{
    /// <summary>True when <c>backup.amazonaws.com</c> has trusted access to <paramref name="organizationId"/>.</summary>
    public Task<bool> IsEnabledAsync(string organizationId, CancellationToken cancellationToken = default) =>
        serviceAccess.IsEnabledAsync(organizationId, ServiceAccessService.BackupServicePrincipal, cancellationToken);

    /// <summary>True when the caller's account is its organization's management account or a delegated administrator for Backup.</summary>
    public async Task<bool> IsMonitoringAccountAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationMembership? membership = await organizations.GetMembershipAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        return membership is not null && (membership.ManagementAccountId == caller.AccountId
            || await delegated.IsRegisteredAsync(membership.OrganizationId, caller.AccountId, ServiceAccessService.BackupServicePrincipal, cancellationToken)
                .ConfigureAwait(false));
    }

    /// <summary>The organization whose jobs the caller may see across accounts now (monitoring enabled and a monitoring account), or null.</summary>
    public async Task<string?> MonitoredOrganizationAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationMembership? membership = await organizations.GetMembershipAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        return membership is not null && await IsEnabledAsync(membership.OrganizationId, cancellationToken).ConfigureAwait(false)
            && await IsMonitoringAccountAsync(caller, cancellationToken).ConfigureAwait(false)
            ? membership.OrganizationId
            : null;
    }
}
