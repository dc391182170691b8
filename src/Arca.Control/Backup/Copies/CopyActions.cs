using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Copies;

/// <summary>
/// A rule's copy actions (own plans and organization-managed <c>orgs/</c> plans alike): when a scheduled backup job committed
/// its recovery point, one copy job per <see cref="CopyAction"/> of the rule in the plan version the job names, owned by the
/// backup's account in its region, with the action's lifecycle (else the recovery point's), the backup job's role, and
/// CreatedBy naming the plan and rule (AWS: copies from a copy action are ordinary copy jobs).
/// </summary>
/// <remarks>
/// Durable without a sweep: the backup runner calls <see cref="StartAsync"/> after the catalog entry and before it reports the
/// job COMPLETED, and the copy jobs' ids are derived from (backup job, action index). A crash before the copies are enqueued
/// restarts the backup job, whose next attempt finds its committed recovery point and enqueues them; a crash after it
/// enqueues nothing twice. Thread-safe.
/// </remarks>
public sealed class CopyActions(RegionSet regions, RegionJobs jobs, TimeProvider time)
{
    /// <summary>Enqueues the copy jobs of <paramref name="point"/>'s copy actions (none when its rule has none); returns how many were new.</summary>
    public async Task<int> StartAsync(JobRecord backupJob, RecoveryPointRecord point, string roleArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backupJob);
        ArgumentNullException.ThrowIfNull(point);
        if (point.CreatedBy is not { BackupPlanId: { } planId, BackupPlanVersion: { } version, BackupRuleId: { } ruleId } createdBy)
        {
            return 0;
        }

        Region region = regions.Get(point.Region);
        Collection<JobRecord> collection = jobs.Copy(point.Region).Jobs;
        DateTimeOffset now = time.GetUtcNow();
        int created = await region.Store.TransactAsync(async tx =>
        {
            PlanVersionDocument? plan = await BackupCollections.PlanVersions.GetAsync(
                tx, BackupCollections.VersionPrefix(point.AccountId, planId) + version).ConfigureAwait(false);
            BackupRuleInput? rule = plan?.Plan.Rules?.FirstOrDefault(r => r.RuleId == ruleId);
            int added = 0;
            IReadOnlyList<CopyAction> actions = rule?.CopyActions ?? [];
            for (int i = 0; i < actions.Count; i++)
            {
                if (!Arn.TryParse(actions[i].DestinationBackupVaultArn ?? string.Empty, out Arn? destination, out _) || destination.Kind != ArnKind.BackupVault)
                {
                    continue; // plan validation refuses these; an old version is not worth failing the backup for
                }

                string id = Internal.CopyJobIds.ForCopyAction(backupJob.JobId, i, backupJob.CreationDate);
                JobRecord job = CopyJobService.NewJob(
                    point.AccountId, point, destination, roleArn, actions[i].Lifecycle ?? point.Lifecycle, createdBy, backupJob.JobId, id, now, null, null);
                if (await collection.InsertAsync(tx, job).ConfigureAwait(false))
                {
                    added++;
                }
            }

            return added;
        }, cancellationToken).ConfigureAwait(false);
        if (created > 0)
        {
            jobs.Wake(point.Region);
        }

        return created;
    }
}
