namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>
/// Whose resource opt-in governs a plan's selections. For an account's own plans it is the account's own region settings; for
/// an organization-managed plan it is the organization's <b>management account's</b> settings in the plan's region (reference
/// §2.1: "for org-managed plans the management account's opt-in overrides the member's"). The scheduler asks this instead of
/// <see cref="RegionSettingsService.GetAsync"/> when it resolves a plan's selections.
/// </summary>
/// <remarks>Thread-safe. Opens its own transactions: never call it from inside one. No authorization (a service's read).</remarks>
public interface IOptInResolver
{
    /// <summary>The region settings whose <see cref="RegionSettings.IsOptedIn"/> applies to the tag and wildcard selections of the plan.</summary>
    /// <param name="accountId">The plan's account.</param>
    /// <param name="region">The plan's region (a served one).</param>
    /// <param name="backupPlanId">The plan's id; a plan that does not exist (any more) gets the account's own settings.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<RegionSettings> ForPlanAsync(string accountId, string region, string backupPlanId, CancellationToken cancellationToken = default);
}
