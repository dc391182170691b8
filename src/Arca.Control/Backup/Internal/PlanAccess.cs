using Arca.Control.Metadata;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Internal;

/// <summary>Reading plans for the plan and selection services, with the errors every operation shares.</summary>
internal static class PlanAccess
{
    /// <summary>The plan, or ResourceNotFoundException.</summary>
    public static async Task<PlanDocument> RequireAsync(IMetadataTransaction tx, string accountId, string region, string planId) =>
        await BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(accountId, planId)).ConfigureAwait(false)
        ?? throw BackupErrors.ResourceNotFound($"Backup plan {planId} not found in account {accountId} and region {region}");

    /// <summary>The plan if it exists, is not deleted and is not managed by Organizations; otherwise the error for a change.</summary>
    public static async Task<PlanDocument> RequireMutableAsync(IMetadataTransaction tx, string accountId, string region, string planId)
    {
        PlanDocument plan = await RequireAsync(tx, accountId, region, planId).ConfigureAwait(false);
        if (plan.DeletionDate is { } deleted)
        {
            throw BackupErrors.ResourceNotFound($"Backup plan {planId} was deleted on {deleted.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} and cannot be changed");
        }

        RefuseOrganizationManaged(plan);
        return plan;
    }

    public static void RefuseOrganizationManaged(PlanDocument plan)
    {
        if (plan.OrganizationManaged)
        {
            throw BackupErrors.InvalidRequest(
                $"Backup plan {plan.Plan.BackupPlanName} ({plan.BackupPlanId}) is managed by AWS Organizations and cannot be changed; change the organization's backup policy instead");
        }
    }

    public static BackupPlanDetails Details(PlanDocument plan) => new()
    {
        BackupPlan = plan.Plan,
        BackupPlanId = plan.BackupPlanId,
        BackupPlanArn = plan.BackupPlanArn,
        VersionId = plan.VersionId,
        CreatorRequestId = plan.CreatorRequestId,
        CreationDate = plan.CreationDate,
        DeletionDate = plan.DeletionDate,
        LastExecutionDate = plan.LastExecutionDate,
        OrganizationManaged = plan.OrganizationManaged,
        OrganizationFindings = plan.Organization?.Findings ?? [],
    };

    public static BackupPlanDetails Details(PlanVersionDocument version, PlanDocument plan) => Details(plan) with
    {
        BackupPlan = version.Plan,
        VersionId = version.VersionId,
        CreationDate = version.CreationDate,
        CreatorRequestId = version.CreatorRequestId,
    };

    /// <summary>The plan without RuleIds: what a client sent, or a template.</summary>
    public static BackupPlanInput WithoutRuleIds(BackupPlanInput plan) =>
        plan.Rules is null ? plan : plan with { Rules = [.. plan.Rules.Select(r => r with { RuleId = null })] };
}
