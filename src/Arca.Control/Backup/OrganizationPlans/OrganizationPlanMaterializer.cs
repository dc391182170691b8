using Arca.Control.Backup.Internal;
using Arca.Control.Backup.OrganizationPlans.Internal;
using Arca.Control.Iam;
using Arca.Control.Metadata;
using Arca.Control.Organizations;
using Arca.Control.Organizations.Internal;
using Arca.Control.Regions;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>
/// Materializes effective backup policies (reference §4.5): for every account the change feed marks, and every plan of its
/// effective policy, writes an organization-managed backup plan with its selections into each region the plan lists and this
/// server serves, removes the plans the policy no longer asks for, records what it could not write and why, checks what each
/// plan needs (vaults, copy destinations, roles), then completes the account's marker (docs/design/backup-service.md §10).
/// </summary>
/// <remarks>
/// <para>Idempotent and crash-safe: each region is written in one transaction of its store; the marker is completed last, so
/// a crash anywhere leaves it pending and the next pass converges. Plan, rule and selection ids are name-based, so the same
/// policy always gives the same plan: a re-materialization updates it (a new VersionId only when the plan body changed).</para>
/// <para>Thread-safe: every operation runs alone (one gate), so two passes never interleave their reads and writes.
/// Never call from inside a metadata transaction.</para>
/// </remarks>
public sealed partial class OrganizationPlanMaterializer : IDisposable
{
    /// <summary>Pending markers read per page.</summary>
    private const int PageSize = 100;

    private readonly IMetadataStore _store;
    private readonly RegionSet _regions;
    private readonly BackupPolicyChangeFeed _feed;
    private readonly BackupPolicyService _policies;
    private readonly OrganizationPlanChecks _checks;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public OrganizationPlanMaterializer(
        IMetadataStore store, RegionSet regions, BackupPolicyChangeFeed feed, BackupPolicyService policies, IVaultCatalog vaults, RoleService roles, TimeProvider time)
    {
        _store = store;
        _regions = regions;
        _feed = feed;
        _policies = policies;
        _checks = new OrganizationPlanChecks(regions, vaults, roles);
        _time = time;
    }

    /// <summary>
    /// Materializes every account with a pending change (of <paramref name="organizationId"/> only, when given) and completes its
    /// marker. An account that changed again meanwhile stays pending (<see cref="MaterializationPass.StillPending"/>).
    /// </summary>
    public async Task<MaterializationPass> DrainPendingAsync(string? organizationId = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DrainCoreAsync(organizationId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// What the server does when it starts: drains the feed, then materializes every other account that is in an organization or
    /// has organization-managed plans in a served region — so a region added to the served ones gets its plans, and a change whose
    /// marker was completed by another configuration converges too.
    /// </summary>
    public async Task<MaterializationPass> ReconcileAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            MaterializationPass drained = await DrainCoreAsync(null, cancellationToken).ConfigureAwait(false);
            HashSet<string> done = [.. drained.Accounts.Select(a => a.AccountId)];
            List<AccountMaterialization> results = [.. drained.Accounts];
            foreach (string account in await KnownAccountsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (done.Add(account))
                {
                    results.Add(await MaterializeCoreAsync(account, cancellationToken).ConfigureAwait(false));
                }
            }

            return new MaterializationPass(results, drained.StillPending);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Materializes one account now, without touching its marker.</summary>
    public async Task<AccountMaterialization> MaterializeAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MaterializeCoreAsync(accountId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<MaterializationPass> DrainCoreAsync(string? organizationId, CancellationToken cancellationToken)
    {
        List<AccountMaterialization> results = [];
        int stillPending = 0;
        string? after = null;
        while (await _feed.ListPendingAsync(PageSize, after, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page)
        {
            foreach (PendingBackupPolicyChange change in page)
            {
                after = change.AccountId;
                if (organizationId is not null && change.OrganizationId != organizationId)
                {
                    continue;
                }

                results.Add(await MaterializeCoreAsync(change.AccountId, cancellationToken).ConfigureAwait(false));
                if (!await _feed.CompleteAsync(change, cancellationToken).ConfigureAwait(false))
                {
                    stillPending++;
                }
            }
        }

        return new MaterializationPass(results, stillPending);
    }

    private async Task<AccountMaterialization> MaterializeCoreAsync(string accountId, CancellationToken cancellationToken)
    {
        AccountBackupPolicy? policy = await _policies.GetAccountPolicyAsync(accountId, cancellationToken).ConfigureAwait(false);
        PlanOwner? owner = policy is null ? null : await OwnerAsync(policy.OrganizationId, cancellationToken).ConfigureAwait(false);
        List<PlanRegionOutcome> outcomes = [];
        Dictionary<string, List<DesiredPlan>> desired = _regions.Names.ToDictionary(r => r, _ => new List<DesiredPlan>(), StringComparer.Ordinal);
        if (policy is not null && owner is not null)
        {
            foreach (EffectivePlan plan in policy.Policy.Plans)
            {
                outcomes.AddRange(Plan(owner, plan, accountId, desired));
            }
        }

        DateTimeOffset now = _time.GetUtcNow();
        int created = 0, versioned = 0, unchanged = 0, deleted = 0;
        foreach ((string region, List<DesiredPlan> plans) in desired)
        {
            List<CheckedPlan> checkedPlans = [];
            foreach (DesiredPlan plan in plans)
            {
                checkedPlans.Add(new CheckedPlan(plan, await _checks.CheckAsync(
                    accountId, region, plan.Plan, plan.Selections.Select(s => s.Selection), cancellationToken).ConfigureAwait(false)));
            }

            RegionChanges changes = await _regions.Get(region).Store.TransactAsync(
                tx => OrganizationPlanWriter.ApplyAsync(tx, accountId, region, owner, checkedPlans, now), cancellationToken).ConfigureAwait(false);
            (created, versioned, unchanged, deleted) = (created + changes.Created, versioned + changes.Versioned, unchanged + changes.Unchanged, deleted + changes.Deleted);
        }

        await RecordAsync(accountId, owner, outcomes, now, cancellationToken).ConfigureAwait(false);
        List<string> notMaterialized = [.. outcomes.Where(o => o.Outcome != PlanOutcome.Materialized).Select(Describe)];
        return new AccountMaterialization(accountId, owner?.OrganizationId, created, versioned, unchanged, deleted, notMaterialized);
    }

    /// <summary>Builds one effective plan for every region it lists: served and valid ones go to <paramref name="desired"/>.</summary>
    private IEnumerable<PlanRegionOutcome> Plan(PlanOwner owner, EffectivePlan plan, string accountId, Dictionary<string, List<DesiredPlan>> desired)
    {
        string planId = OrganizationPlanIds.Plan(owner.OrganizationId, plan.Name);
        IReadOnlyList<string> problems = OrganizationPlanBuilder.ProblemsOf(plan);
        if (problems.Count > 0)
        {
            return plan.Regions.Count == 0
                ? [new PlanRegionOutcome(plan.Name, planId, null, PlanOutcome.Invalid, problems)]
                : plan.Regions.Select(r => new PlanRegionOutcome(plan.Name, planId, r.Value, PlanOutcome.Invalid, problems)).ToList();
        }

        List<PlanRegionOutcome> outcomes = [];
        foreach (string region in plan.Regions.Select(r => r.Value).Distinct(StringComparer.Ordinal))
        {
            if (!_regions.Serves(region))
            {
                outcomes.Add(new PlanRegionOutcome(plan.Name, planId, region, PlanOutcome.RegionNotServed, []));
                continue;
            }

            PlanBuild build = OrganizationPlanBuilder.Build(owner.OrganizationId, plan, accountId, region);
            if (build.Plan is { } built)
            {
                desired[region].Add(built);
            }

            outcomes.Add(new PlanRegionOutcome(plan.Name, planId, region, build.Plan is null ? PlanOutcome.Invalid : PlanOutcome.Materialized, build.Problems));
        }

        return outcomes;
    }

    private async Task<PlanOwner?> OwnerAsync(string organizationId, CancellationToken cancellationToken)
    {
        OrganizationRecord? organization = await _store.TransactAsync(
            tx => OrganizationCollections.Organizations.GetAsync(tx, organizationId), cancellationToken).ConfigureAwait(false);
        return organization is null ? null : new PlanOwner(organization.Id, organization.ManagementAccountId);
    }

    private Task RecordAsync(string accountId, PlanOwner? owner, IReadOnlyList<PlanRegionOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.TransactAsync(async tx => owner is null
            ? await OrganizationPlanCollections.Materializations.DeleteAsync(tx, accountId).ConfigureAwait(false)
            : await OrganizationPlanCollections.Materializations.PutAsync(tx, new MaterializationRecord
            {
                AccountId = accountId,
                OrganizationId = owner.OrganizationId,
                ManagementAccountId = owner.ManagementAccountId,
                MaterializedAt = now,
                Outcomes = outcomes,
            }).ConfigureAwait(false) > 0, cancellationToken);

    /// <summary>Members of every organization, accounts with a materialization record, accounts with organization-managed plans here.</summary>
    private async Task<IReadOnlyList<string>> KnownAccountsAsync(CancellationToken cancellationToken)
    {
        SortedSet<string> accounts = new(StringComparer.Ordinal);
        await _store.TransactAsync(async tx =>
        {
            accounts.UnionWith((await OrganizationCollections.Members.ListAsync(tx, DocumentQuery.All).ConfigureAwait(false)).Select(m => m.AccountId));
            accounts.UnionWith((await OrganizationPlanCollections.Materializations.ListAsync(tx, DocumentQuery.All).ConfigureAwait(false)).Select(r => r.AccountId));
            return true;
        }, cancellationToken).ConfigureAwait(false);
        foreach (Region region in _regions.All)
        {
            await foreach (PlanDocument plan in ActivePlansAsync(region, null, cancellationToken).ConfigureAwait(false))
            {
                accounts.Add(plan.AccountId);
            }
        }

        return [.. accounts];
    }

    /// <summary>The active organization-managed plans of a region (of <paramref name="accountIds"/> only, when given), page by page.</summary>
    private static async IAsyncEnumerable<PlanDocument> ActivePlansAsync(
        Region region, IReadOnlySet<string>? accountIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            string? from = after;
            IReadOnlyList<PlanDocument> page = await region.Store.TransactAsync(tx => BackupCollections.Plans.ListAsync(
                tx, new DocumentQuery { I2 = BackupCollections.Active, AfterKey = from, Limit = PageSize }), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            after = BackupCollections.Plans.KeyOf(page[^1]);
            foreach (PlanDocument plan in page.Where(p => p.Organization is not null && (accountIds is null || accountIds.Contains(p.AccountId))))
            {
                yield return plan;
            }
        }
    }

    private static string Describe(PlanRegionOutcome outcome) => outcome.Outcome == PlanOutcome.RegionNotServed
        ? $"plan {outcome.PolicyPlanName}: region {outcome.Region} is not served by this Arca"
        : $"plan {outcome.PolicyPlanName}{(outcome.Region is null ? string.Empty : " in " + outcome.Region)} is not valid: {string.Join("; ", outcome.Problems)}";
}
