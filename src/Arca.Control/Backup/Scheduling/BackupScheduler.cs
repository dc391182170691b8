using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Plans;
using Arca.Domain.Selections;
using Microsoft.Extensions.Logging;

namespace Arca.Control.Backup.Scheduling;

/// <summary>
/// Turns due backup rules into backup jobs (docs/design/backup-service.md §5). A tick reads every active plan of the
/// region (the accounts' own and the organization-managed ones alike) and, per rule, the firings in (mark, now] of its
/// cron expression in its time zone. The latest firing becomes jobs: the plan's selections are resolved against the
/// account's inventory (<see cref="SelectionMatcher"/>, opt-in from the region settings — the management account's for
/// organization-managed plans), overlapping rules for one resource merge into one job with the longest retention
/// (<see cref="BackupJobMerger"/>), and the jobs, the new marks and the plans' LastExecutionDate are written in one
/// transaction. Job ids derive from (plan, rule, scheduled time, resource), so a repeated tick creates nothing twice.
/// </summary>
/// <remarks>
/// <para>Missed firings (Arca was not running): only the latest firing of a rule counts; earlier ones get no job
/// (<see cref="SchedulerTickResult.Skipped"/>). If its start window is still open the job is created and runs now; if
/// it has closed, the job is recorded EXPIRED with AWS's message and the reason — what AWS shows for a job that could not
/// start in its window — so the gap is visible in ListBackupJobs without one record per missed hour.</para>
/// <para>Merging covers rules that fire in the same tick (the usual daily/weekly/monthly rules at one time). A rule
/// firing later inside another job's start window gets its own job.</para>
/// <para>Thread-safe; one tick at a time per region is expected (the hosted service's loop).</para>
/// </remarks>
public sealed partial class BackupScheduler(
    RegionSet regions,
    RegionJobs jobs,
    ResourceInventoryService inventory,
    RegionSettingsService settings,
    IOptInResolver optIns,
    TimeProvider time,
    ILogger<BackupScheduler> logger)
{
    /// <summary>Creates the jobs of every rule due in <paramref name="region"/> now, then wakes the region's engine.</summary>
    public async Task<SchedulerTickResult> TickAsync(string region, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        IMetadataStore store = regions.Get(region).Store;
        IReadOnlyList<PlanDocument> plans = await store.TransactAsync(
            tx => BackupCollections.Plans.ListAsync(tx, new DocumentQuery { I2 = BackupCollections.Active }), cancellationToken).ConfigureAwait(false);
        SchedulerTickResult total = SchedulerTickResult.None;
        foreach (IGrouping<string, PlanDocument> account in plans.GroupBy(p => p.AccountId, StringComparer.Ordinal))
        {
            try
            {
                total += await TickAccountAsync(region, store, account.Key, [.. account], now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                LogAccountFailed(logger, e, account.Key, region);
            }
        }

        if (total.Created > 0)
        {
            jobs.Wake(region);
        }

        return total;
    }

    private async Task<SchedulerTickResult> TickAccountAsync(
        string region, IMetadataStore store, string accountId, IReadOnlyList<PlanDocument> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScheduleMarkDocument> marks = await store.TransactAsync(
            tx => SchedulingCollections.Marks.ListAsync(tx, new DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId }), cancellationToken).ConfigureAwait(false);
        List<DueRule> due = DueRules(plans, marks.ToDictionary(m => m.Key, m => m.Mark, StringComparer.Ordinal), now);
        if (due.Count == 0)
        {
            return SchedulerTickResult.None;
        }

        IReadOnlyList<InventoryResource> resources = await inventory.ListAllAsync(accountId, region, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SelectionDocument> selections = await store.TransactAsync(
            tx => BackupCollections.Selections.ListAsync(tx, new DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId }), cancellationToken).ConfigureAwait(false);
        RegionSettings own = await settings.GetAsync(accountId, region, cancellationToken).ConfigureAwait(false);
        var managed = new Dictionary<string, RegionSettings>(StringComparer.Ordinal);
        foreach (PlanDocument plan in due.Select(d => d.Plan).Where(p => p.OrganizationManaged).DistinctBy(p => p.BackupPlanId))
        {
            managed[plan.BackupPlanId] = await optIns.ForPlanAsync(accountId, region, plan.BackupPlanId, cancellationToken).ConfigureAwait(false);
        }

        var candidates = new List<BackupCandidate>();
        var chosen = new Dictionary<(string RuleKey, DateTimeOffset At, string Arn), (DueRule Due, InventoryResource Resource, string Role)>();
        foreach (DueRule rule in due)
        {
            RegionSettings optIn = managed.GetValueOrDefault(rule.Plan.BackupPlanId, own);
            SelectionDocument[] planSelections = [.. selections.Where(s => s.BackupPlanId == rule.Plan.BackupPlanId).OrderBy(s => s.SelectionId, StringComparer.Ordinal)];
            foreach (InventoryResource resource in resources)
            {
                var candidate = new SelectionCandidate(resource.ResourceArn, resource.ResourceType, resource.Tags, optIn.IsOptedIn(resource.ResourceType));
                if (planSelections.FirstOrDefault(s => SelectionMatcher.Matches(s.Selection, candidate)) is not { } selection)
                {
                    continue;
                }

                candidates.Add(new BackupCandidate(resource.ResourceArn, rule.RuleKey, rule.Schedule.WindowAt(rule.ScheduledAt), rule.Rule.Lifecycle));
                chosen[(rule.RuleKey, rule.ScheduledAt, resource.ResourceArn)] = (rule, resource, selection.Selection.IamRoleArn!);
            }
        }

        List<JobRecord> records = [.. BackupJobMerger.Merge(candidates).Select(merged =>
        {
            BackupCandidate winner = merged.Winner;
            (DueRule rule, InventoryResource resource, string role) = chosen[(winner.RuleKey, winner.Window.ScheduledAt, winner.ResourceArn)];
            return ScheduledJobs.Create(region, rule, resource, role, winner.Window, now);
        })];
        return await CommitAsync(store, jobs.Backup(region).Jobs, accountId, due, records, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rules whose schedule fired in (mark, now], each with its latest firing.</summary>
    private List<DueRule> DueRules(IReadOnlyList<PlanDocument> plans, Dictionary<string, DateTimeOffset> marks, DateTimeOffset now)
    {
        var due = new List<DueRule>();
        foreach (PlanDocument plan in plans)
        {
            foreach (BackupRuleInput rule in plan.Plan.Rules ?? [])
            {
                if (rule.RuleId is null || rule.TargetBackupVaultName is null)
                {
                    continue;
                }

                RuleSchedule schedule;
                try
                {
                    schedule = RuleSchedule.For(rule);
                }
                catch (ArgumentException e)
                {
                    LogBadRule(logger, plan.BackupPlanId, rule.RuleName, e.Message);
                    continue;
                }

                DateTimeOffset mark = marks.GetValueOrDefault(SchedulingCollections.MarkKey(plan.AccountId, plan.BackupPlanId, rule.RuleId), plan.CreationDate);
                DateTimeOffset? latest = null;
                int firings = 0;
                foreach (DateTimeOffset at in schedule.Occurrences(mark, now))
                {
                    latest = at;
                    firings++;
                }

                if (latest is { } scheduledAt)
                {
                    due.Add(new DueRule(plan, rule, schedule, scheduledAt, firings - 1));
                }
            }
        }

        return due;
    }

    private static Task<SchedulerTickResult> CommitAsync(
        IMetadataStore store, Collection<JobRecord> collection, string accountId, List<DueRule> due, List<JobRecord> records, CancellationToken cancellationToken) =>
        store.TransactAsync(async tx =>
        {
            int created = 0, expired = 0, existing = 0;
            var ran = new HashSet<string>(StringComparer.Ordinal);
            foreach (JobRecord job in records)
            {
                if (!await collection.InsertAsync(tx, job).ConfigureAwait(false))
                {
                    existing++;
                }
                else if (job.State == JobKindProfile.Backup.Waiting)
                {
                    created++;
                    ran.Add(JobPlanId(job) ?? string.Empty);
                }
                else
                {
                    expired++;
                }
            }

            foreach (DueRule rule in due)
            {
                await SchedulingCollections.Marks.PutAsync(tx, new ScheduleMarkDocument(accountId, rule.Plan.BackupPlanId, rule.Rule.RuleId!, rule.ScheduledAt)).ConfigureAwait(false);
            }

            foreach (IGrouping<string, DueRule> plan in due.Where(d => ran.Contains(d.Plan.BackupPlanId)).GroupBy(d => d.Plan.BackupPlanId, StringComparer.Ordinal))
            {
                if (await BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(accountId, plan.Key)).ConfigureAwait(false) is { DeletionDate: null } current)
                {
                    DateTimeOffset last = plan.Max(d => d.ScheduledAt);
                    await BackupCollections.Plans.PutAsync(tx, current with { LastExecutionDate = current.LastExecutionDate > last ? current.LastExecutionDate : last }).ConfigureAwait(false);
                }
            }

            return new SchedulerTickResult(created, expired, due.Sum(d => d.Skipped), existing);
        }, cancellationToken);

    private static string? JobPlanId(JobRecord job) => Jobs.Internal.JobDocuments.BackupSpec(job).CreatedBy?.BackupPlanId;

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling backups of account {AccountId} in {Region} failed; retrying at the next tick")]
    private static partial void LogAccountFailed(ILogger logger, Exception exception, string accountId, string region);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup plan {PlanId}: rule {RuleName} has an invalid schedule and is not scheduled: {Problem}")]
    private static partial void LogBadRule(ILogger logger, string planId, string? ruleName, string problem);
}
