using Arca.Control.Backup.Internal;
using Arca.Control.Metadata;
using Arca.Domain.Arns;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// Brings an account's organization-managed plans in one region's store in line with what its effective policy asks for, in
/// one transaction (so a crash leaves the old state or the new one, never a mix): plans are created with their name-based ids,
/// updated in place (a new VersionId only when the plan body changed), revived when they come back, and soft-deleted with
/// their selections when the policy no longer asks for them.
/// </summary>
internal static class OrganizationPlanWriter
{
    /// <summary>Every organization-managed plan of the account in this region, deleted ones too.</summary>
    public static Task<IReadOnlyList<PlanDocument>> ListAsync(IMetadataTransaction tx, string accountId) =>
        BackupCollections.Plans.ListAsync(tx, new DocumentQuery { KeyPrefix = BackupCollections.PlanKey(accountId, OrganizationPlanIds.Prefix) });

    /// <param name="tx">The region's transaction.</param>
    /// <param name="accountId">The member account.</param>
    /// <param name="region">The region of the store.</param>
    /// <param name="owner">The organization the plans come from; null when none applies (every plan is deleted).</param>
    /// <param name="plans">The plans the account must have in this region (empty when <paramref name="owner"/> is null).</param>
    /// <param name="now">The time of the change.</param>
    public static async Task<RegionChanges> ApplyAsync(
        IMetadataTransaction tx, string accountId, string region, PlanOwner? owner, IReadOnlyList<CheckedPlan> plans, DateTimeOffset now)
    {
        Dictionary<string, PlanDocument> existing = (await ListAsync(tx, accountId).ConfigureAwait(false)).ToDictionary(p => p.BackupPlanId, StringComparer.Ordinal);
        int created = 0, versioned = 0, unchanged = 0, deleted = 0;
        foreach (CheckedPlan plan in plans)
        {
            OrganizationPlanOrigin origin = new()
            {
                OrganizationId = owner!.OrganizationId,
                ManagementAccountId = owner.ManagementAccountId,
                PolicyPlanName = plan.Plan.PolicyPlanName,
                Findings = plan.Findings,
                FindingsCheckedAt = now,
            };
            PlanDocument? current = existing.GetValueOrDefault(plan.Plan.BackupPlanId);
            existing.Remove(plan.Plan.BackupPlanId);
            PlanDocument written = current is null
                ? New(accountId, region, plan.Plan, origin, now)
                : current with { Plan = plan.Plan.Plan, Tags = plan.Plan.Tags, OrganizationManaged = true, Organization = origin, DeletionDate = null };
            bool newVersion = current is null || current.DeletionDate is not null || Body(current.Plan) != Body(plan.Plan.Plan);
            if (current is not null && newVersion)
            {
                written = written with { VersionId = BackupIds.NewVersionId(), CreationDate = now, VersionSequence = current.VersionSequence + 1 };
            }

            await BackupCollections.Plans.PutAsync(tx, written).ConfigureAwait(false);
            if (newVersion)
            {
                await BackupCollections.PlanVersions.InsertAsync(tx, VersionOf(written)).ConfigureAwait(false);
            }

            await WriteSelectionsAsync(tx, accountId, plan.Plan, now).ConfigureAwait(false);
            if (current is null || current.DeletionDate is not null)
            {
                created++;
            }
            else if (newVersion)
            {
                versioned++;
            }
            else
            {
                unchanged++;
            }
        }

        foreach (PlanDocument gone in existing.Values.Where(p => p.DeletionDate is null))
        {
            await DeleteSelectionsAsync(tx, accountId, gone.BackupPlanId, keep: null).ConfigureAwait(false);
            await BackupCollections.Plans.PutAsync(tx, gone with { DeletionDate = now }).ConfigureAwait(false);
            deleted++;
        }

        return new RegionChanges(created, versioned, unchanged, deleted);
    }

    /// <summary>Replaces the findings of a plan that is still active and still at <paramref name="versionId"/>; false otherwise.</summary>
    public static async Task<bool> SetFindingsAsync(
        IMetadataTransaction tx, string accountId, string planId, string versionId, IReadOnlyList<OrganizationPlanFinding> findings, DateTimeOffset now)
    {
        PlanDocument? plan = await BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(accountId, planId)).ConfigureAwait(false);
        if (plan?.Organization is not { } origin || plan.DeletionDate is not null || plan.VersionId != versionId)
        {
            return false;
        }

        await BackupCollections.Plans.PutAsync(tx, plan with { Organization = origin with { Findings = findings, FindingsCheckedAt = now } }).ConfigureAwait(false);
        return true;
    }

    /// <summary>The selections of a plan.</summary>
    public static Task<IReadOnlyList<SelectionDocument>> SelectionsAsync(IMetadataTransaction tx, string accountId, string planId) =>
        BackupCollections.Selections.ListAsync(tx, new DocumentQuery { KeyPrefix = BackupCollections.SelectionPrefix(accountId, planId) });

    private static PlanDocument New(string accountId, string region, DesiredPlan plan, OrganizationPlanOrigin origin, DateTimeOffset now) => new()
    {
        AccountId = accountId,
        BackupPlanId = plan.BackupPlanId,
        BackupPlanArn = Arn.BackupPlan(region, accountId, plan.BackupPlanId).ToString(),
        VersionId = BackupIds.NewVersionId(),
        Plan = plan.Plan,
        CreationDate = now,
        Tags = plan.Tags,
        OrganizationManaged = true,
        Organization = origin,
    };

    private static async Task WriteSelectionsAsync(IMetadataTransaction tx, string accountId, DesiredPlan plan, DateTimeOffset now)
    {
        Dictionary<string, SelectionDocument> existing = (await SelectionsAsync(tx, accountId, plan.BackupPlanId).ConfigureAwait(false))
            .ToDictionary(s => s.SelectionId, StringComparer.Ordinal);
        foreach (DesiredSelection selection in plan.Selections)
        {
            if (existing.TryGetValue(selection.SelectionId, out SelectionDocument? current)
                && BackupSelectionJson.Write(current.Selection) == BackupSelectionJson.Write(selection.Selection))
            {
                continue;
            }

            await BackupCollections.Selections.PutAsync(tx, new SelectionDocument
            {
                AccountId = accountId,
                BackupPlanId = plan.BackupPlanId,
                SelectionId = selection.SelectionId,
                Selection = selection.Selection,
                CreationDate = now,
            }).ConfigureAwait(false);
        }

        await DeleteSelectionsAsync(tx, accountId, plan.BackupPlanId, keep: [.. plan.Selections.Select(s => s.SelectionId)]).ConfigureAwait(false);
    }

    private static async Task DeleteSelectionsAsync(IMetadataTransaction tx, string accountId, string planId, HashSet<string>? keep)
    {
        foreach (SelectionDocument selection in await SelectionsAsync(tx, accountId, planId).ConfigureAwait(false))
        {
            if (keep is null || !keep.Contains(selection.SelectionId))
            {
                await BackupCollections.Selections.DeleteAsync(tx, BackupCollections.Selections.KeyOf(selection)).ConfigureAwait(false);
            }
        }
    }

    private static string Body(BackupPlanInput plan) => BackupPlanJson.Write(plan, indented: false);

    private static PlanVersionDocument VersionOf(PlanDocument plan) => new()
    {
        AccountId = plan.AccountId,
        BackupPlanId = plan.BackupPlanId,
        BackupPlanArn = plan.BackupPlanArn,
        VersionId = plan.VersionId,
        Plan = plan.Plan,
        CreationDate = plan.CreationDate,
        Sequence = plan.VersionSequence,
    };
}
