using Arca.Control.Backup.Internal;
using Arca.Control.Backup.OrganizationPlans.Internal;
using Arca.Control.Regions;

namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>The findings sweep: checks again what every organization-managed plan needs, so findings clear once the vault or role exists.</summary>
public sealed partial class OrganizationPlanMaterializer
{
    /// <summary>
    /// Checks the active organization-managed plans of every served region again (of <paramref name="accountIds"/> only, when
    /// given) and stores their findings; returns how many plans' findings changed. A plan re-materialized meanwhile keeps the
    /// findings its materialization stored.
    /// </summary>
    public async Task<int> RefreshFindingsAsync(IReadOnlySet<string>? accountIds = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int changed = 0;
            foreach (Region region in _regions.All)
            {
                List<PlanDocument> plans = [];
                await foreach (PlanDocument plan in ActivePlansAsync(region, accountIds, cancellationToken).ConfigureAwait(false))
                {
                    plans.Add(plan);
                }

                foreach (PlanDocument plan in plans)
                {
                    changed += await RefreshAsync(region, plan, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }
            }

            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> RefreshAsync(Region region, PlanDocument plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<SelectionDocument> selections = await region.Store.TransactAsync(
            tx => OrganizationPlanWriter.SelectionsAsync(tx, plan.AccountId, plan.BackupPlanId), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<OrganizationPlanFinding> findings = await _checks.CheckAsync(
            plan.AccountId, region.Name, plan.Plan, selections.Select(s => s.Selection), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        bool stored = await region.Store.TransactAsync(
            tx => OrganizationPlanWriter.SetFindingsAsync(tx, plan.AccountId, plan.BackupPlanId, plan.VersionId, findings, now), cancellationToken).ConfigureAwait(false);
        return stored && !findings.SequenceEqual(plan.Organization!.Findings);
    }
}
