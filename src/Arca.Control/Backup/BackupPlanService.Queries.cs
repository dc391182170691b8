using Arca.Control.Backup.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Domain.Plans;

namespace Arca.Control.Backup;

/// <summary>The read side of backup plans: GetBackupPlan, ListBackupPlans, ListBackupPlanVersions, templates.</summary>
public sealed partial class BackupPlanService
{
    /// <summary>Most scheduled runs GetBackupPlan previews.</summary>
    public const int MaxScheduledRunsPreview = 10;

    /// <summary>The current version, or <paramref name="versionId"/>; deleted plans too (with their DeletionDate).</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="planId">The plan's id.</param>
    /// <param name="versionId">A version of the plan; null for the current one.</param>
    /// <param name="maxScheduledRunsPreview">0–10 future runs to preview (none for a deleted plan).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<BackupPlanDetails> GetAsync(
        CallerIdentity caller, string? planId, string? versionId = null, int? maxScheduledRunsPreview = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = RequirePlanId(planId);
        int preview = maxScheduledRunsPreview ?? 0;
        if (preview is < 0 or > MaxScheduledRunsPreview)
        {
            throw BackupErrors.InvalidParameterValue($"MaxScheduledRunsPreview: {preview} must be between 0 and {MaxScheduledRunsPreview}");
        }

        await authorizer.AuthorizeAsync(caller, "backup:GetBackupPlan", PlanArn(caller, id), cancellationToken: cancellationToken).ConfigureAwait(false);
        BackupPlanDetails details = await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            PlanDocument plan = await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            if (string.IsNullOrEmpty(versionId) || versionId == plan.VersionId)
            {
                return PlanAccess.Details(plan);
            }

            PlanVersionDocument version = await BackupCollections.PlanVersions.GetAsync(
                tx, BackupCollections.VersionPrefix(caller.AccountId, id) + versionId).ConfigureAwait(false)
                ?? throw BackupErrors.ResourceNotFound($"Backup plan {id} has no version {versionId}");
            return PlanAccess.Details(version, plan);
        }, cancellationToken).ConfigureAwait(false);
        return preview == 0 || details.DeletionDate is not null
            ? details
            : details with { ScheduledRunsPreview = Preview(details.BackupPlan, time.GetUtcNow(), preview) };
    }

    /// <summary>The account's plans in the caller's region, oldest first; deleted ones only with <paramref name="includeDeleted"/>.</summary>
    public async Task<BackupPage<BackupPlanDetails>> ListAsync(
        CallerIdentity caller, bool includeDeleted = false, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = BackupPaging.Limit(maxResults);
        string scope = $"plans:{caller.AccountId}:{includeDeleted}";
        string? after = BackupPaging.After(tokens, scope, nextToken);
        await authorizer.AuthorizeAsync(caller, "backup:ListBackupPlans", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PlanDocument> plans = await regions.Get(caller.Region).Store.TransactAsync(tx => BackupCollections.Plans.ListAsync(tx, new DocumentQuery
        {
            KeyPrefix = caller.AccountId + "/",
            I1 = caller.AccountId,
            I2 = includeDeleted ? null : BackupCollections.Active,
            AfterKey = after,
            Limit = limit + 1,
        }), cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(plans, limit, tokens, scope, BackupCollections.Plans.KeyOf, PlanAccess.Details);
    }

    /// <summary>Every version of the plan, oldest first.</summary>
    public async Task<BackupPage<BackupPlanDetails>> ListVersionsAsync(
        CallerIdentity caller, string? planId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = RequirePlanId(planId);
        int limit = BackupPaging.Limit(maxResults);
        string scope = $"plan-versions:{caller.AccountId}:{id}";
        int after = int.TryParse(BackupPaging.After(tokens, scope, nextToken), out int sequence) ? sequence : 0;
        await authorizer.AuthorizeAsync(caller, "backup:ListBackupPlanVersions", PlanArn(caller, id), cancellationToken: cancellationToken).ConfigureAwait(false);
        (PlanDocument plan, IReadOnlyList<PlanVersionDocument> versions) = await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            PlanDocument plan = await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            IReadOnlyList<PlanVersionDocument> all = await BackupCollections.PlanVersions.ListAsync(
                tx, new DocumentQuery { KeyPrefix = BackupCollections.VersionPrefix(caller.AccountId, id) }).ConfigureAwait(false);
            return (plan, all);
        }, cancellationToken).ConfigureAwait(false);
        List<PlanVersionDocument> rest = [.. versions.Where(v => v.Sequence > after).OrderBy(v => v.Sequence).Take(limit + 1)];
        return BackupPaging.Page(rest, limit, tokens, scope, v => v.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), v => PlanAccess.Details(v, plan));
    }

    /// <summary>ExportBackupPlanTemplate: the current plan as a JSON document GetBackupPlanFromJSON and CreateBackupPlan accept (no RuleIds).</summary>
    public async Task<string> ExportTemplateAsync(CallerIdentity caller, string? planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = RequirePlanId(planId);
        await authorizer.AuthorizeAsync(caller, "backup:ExportBackupPlanTemplate", PlanArn(caller, id), cancellationToken: cancellationToken).ConfigureAwait(false);
        PlanDocument plan = await regions.Get(caller.Region).Store.TransactAsync(
            tx => PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, id), cancellationToken).ConfigureAwait(false);
        return BackupPlanJson.Write(PlanAccess.WithoutRuleIds(plan.Plan), indented: false);
    }

    /// <summary>GetBackupPlanFromJSON: parses and validates a plan document, returning it with AWS's defaults filled in (no RuleIds).</summary>
    public static BackupPlanInput FromJson(string? backupPlanTemplateJson)
    {
        if (backupPlanTemplateJson is null)
        {
            throw BackupErrors.Missing("BackupPlanTemplateJson");
        }

        if (!BackupPlanJson.TryParse(backupPlanTemplateJson, out BackupPlanInput? plan, out BackupPlanError? error))
        {
            throw BackupErrors.From(error);
        }

        plan = PlanAccess.WithoutRuleIds(plan);
        return BackupPlanValidator.Validate(plan) is { } invalid
            ? throw BackupErrors.From(invalid)
            : PlanAccess.WithoutRuleIds(BackupPlanDefaults.WithDefaults(plan, () => string.Empty));
    }

    /// <summary>The next <paramref name="count"/> runs of the plan's rules after <paramref name="now"/>, in time order.</summary>
    internal static IReadOnlyList<ScheduledRun> Preview(BackupPlanInput plan, DateTimeOffset now, int count)
    {
        var runs = new List<ScheduledRun>();
        foreach (BackupRuleInput rule in plan.Rules ?? [])
        {
            RuleSchedule schedule;
            try
            {
                schedule = RuleSchedule.For(rule);
            }
            catch (ArgumentException)
            {
                continue; // a stored plan that was never validated here (e.g. written by another service): no preview for this rule
            }

            string type = rule.EnableContinuousBackup == true ? "CONTINUOUS_AND_SNAPSHOTS" : "SNAPSHOTS";
            DateTimeOffset after = now;
            for (int i = 0; i < count && schedule.NextOccurrence(after) is { } next; i++)
            {
                runs.Add(new ScheduledRun(next, rule.RuleId ?? string.Empty, type));
                after = next;
            }
        }

        return [.. runs.OrderBy(r => r.ExecutionTime).ThenBy(r => r.RuleId, StringComparer.Ordinal).Take(count)];
    }
}
