using Arca.Control.Backup.Internal;
using Arca.Control.Backup.OrganizationPlans.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations;
using Arca.Control.Organizations.Internal;
using Arca.Control.Regions;

namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>
/// Arca's view of the organization-managed plans of an organization, account × region × plan, each current or incomplete with its
/// findings (<c>ArcaOrganizations.DescribeBackupPlanStatus</c>, <c>arca organizations backup-plan-status</c>). Before it answers it
/// materializes the organization's pending changes and checks the listed accounts' plans again, so the answer reflects every
/// committed policy change and the vaults and roles as they are now.
/// </summary>
/// <remarks>
/// Thread-safe. The management account or a delegated administrator may call it; the identity needs
/// <c>organizations:DescribeBackupPlanStatus</c> (an Arca action: <c>organizations:Describe*</c> grants it). Pages are accounts (by id).
/// </remarks>
public sealed class OrganizationPlanStatusService(
    IMetadataStore store, RegionSet regions, Authorizer authorizer, PageTokens tokens, BackupPolicyChangeFeed feed, OrganizationPlanMaterializer materializer)
{
    private const string Operation = "DescribeBackupPlanStatus";

    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <exception cref="Errors.AwsServiceException"><c>InvalidInputException</c> for a malformed account id, MaxResults or NextToken;
    /// <c>AccountNotFoundException</c> for an account outside the organization; the access errors of Organizations.</exception>
    public async Task<OrganizationPlanStatusPage> DescribeAsync(
        CallerIdentity caller, string? accountId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (accountId is not null && !OrganizationIds.AccountId().IsMatch(accountId))
        {
            throw OrganizationErrors.InvalidInput($"AccountId {Shown(accountId)} is invalid: an account id is 12 digits (INVALID_PATTERN).");
        }

        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, Operation, CallerAccess.ManagementOrDelegatedAdministrator,
            o => accountId is null ? null : OrganizationArns.Account(o.ManagementAccountId, o.Id, accountId), cancellationToken).ConfigureAwait(false);
        string scope = $"org-backup-plan-status:{organization.Id}:{accountId}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<MemberRecord> members = await store.TransactAsync(tx => accountId is null
            ? OrganizationCollections.Members.ListAsync(tx, new DocumentQuery { I1 = organization.Id, AfterKey = after, Limit = limit + 1 })
            : MemberAsync(tx, organization.Id, accountId), cancellationToken).ConfigureAwait(false);
        if (accountId is not null && members.Count == 0)
        {
            throw OrganizationErrors.AccountNotFound(accountId);
        }

        List<string> page = [.. members.Take(limit).Select(m => m.AccountId)];
        await materializer.DrainPendingAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        await materializer.RefreshFindingsAsync(page.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        List<OrganizationPlanStatus> rows = [];
        foreach (string account in page)
        {
            rows.AddRange(await RowsAsync(organization.Id, account, cancellationToken).ConfigureAwait(false));
        }

        return new OrganizationPlanStatusPage(rows, members.Count > limit ? tokens.Encode(scope, page[^1]) : null);
    }

    private static async Task<IReadOnlyList<MemberRecord>> MemberAsync(IMetadataTransaction tx, string organizationId, string accountId) =>
        await OrganizationCollections.Members.GetAsync(tx, accountId).ConfigureAwait(false) is { } member && member.OrganizationId == organizationId
            ? [member]
            : [];

    /// <summary>The account's plans as its last materialization left them, with their current findings.</summary>
    private async Task<IEnumerable<OrganizationPlanStatus>> RowsAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        MaterializationRecord? record = await store.TransactAsync(
            tx => OrganizationPlanCollections.Materializations.GetAsync(tx, accountId), cancellationToken).ConfigureAwait(false);
        bool pending = await feed.FindPendingAsync(accountId, cancellationToken).ConfigureAwait(false) is not null;
        if (record is null || record.OrganizationId != organizationId)
        {
            return [];
        }

        List<OrganizationPlanStatus> rows = [];
        foreach (PlanRegionOutcome outcome in record.Outcomes)
        {
            OrganizationPlanStatus row = await RowAsync(accountId, outcome, cancellationToken).ConfigureAwait(false);
            rows.Add(pending ? row with { State = OrganizationPlanState.Pending } : row);
        }

        return rows;
    }

    private async Task<OrganizationPlanStatus> RowAsync(string accountId, PlanRegionOutcome outcome, CancellationToken cancellationToken)
    {
        var row = new OrganizationPlanStatus(
            accountId, outcome.Region, outcome.PolicyPlanName, outcome.BackupPlanId, null, OrganizationPlanState.Incomplete, [], null);
        if (outcome.Outcome == PlanOutcome.RegionNotServed)
        {
            string served = string.Join(", ", regions.Names);
            return row with
            {
                Findings = [new(OrganizationPlanFindingKind.RegionNotServed, $"The plan lists region {outcome.Region}, which this Arca does not serve (it serves {served}): no plan there")],
            };
        }

        if (outcome.Outcome == PlanOutcome.Invalid)
        {
            return row with { Findings = [.. outcome.Problems.Select(p => new OrganizationPlanFinding(OrganizationPlanFindingKind.InvalidPlan, p))] };
        }

        if (!regions.Serves(outcome.Region!))
        {
            return row with { State = OrganizationPlanState.Pending };
        }

        PlanDocument? plan = await regions.Get(outcome.Region!).Store.TransactAsync(
            tx => BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(accountId, outcome.BackupPlanId)), cancellationToken).ConfigureAwait(false);
        if (plan?.Organization is not { } origin || plan.DeletionDate is not null)
        {
            return row with { State = OrganizationPlanState.Pending };
        }

        return row with
        {
            VersionId = plan.VersionId,
            State = origin.Findings.Count == 0 ? OrganizationPlanState.Current : OrganizationPlanState.Incomplete,
            Findings = origin.Findings,
            CheckedAt = origin.FindingsCheckedAt,
        };
    }

    private static string Shown(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
