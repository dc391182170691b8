using Arca.Control.Backup.Internal;
using Arca.Control.Regions;

namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>
/// <see cref="IOptInResolver"/> over the plan documents: an organization-managed plan names its organization's management
/// account (stored when it was materialized), whose settings in the plan's region apply; any other plan uses its account's.
/// </summary>
public sealed class PlanOptInResolver(RegionSet regions, RegionSettingsService settings) : IOptInResolver
{
    /// <inheritdoc/>
    public async Task<RegionSettings> ForPlanAsync(string accountId, string region, string backupPlanId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(backupPlanId);
        PlanDocument? plan = await regions.Get(region).Store.TransactAsync(
            tx => BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(accountId, backupPlanId)), cancellationToken).ConfigureAwait(false);
        string owner = plan?.Organization?.ManagementAccountId ?? accountId;
        return await settings.GetAsync(owner, region, cancellationToken).ConfigureAwait(false);
    }
}
