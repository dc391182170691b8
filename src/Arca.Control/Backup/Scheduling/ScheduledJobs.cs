using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Jobs;
using Arca.Domain.Arns;
using Arca.Domain.Plans;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Scheduling;

/// <summary>Builds the job of a merged scheduled backup: its deterministic id, its window, the winner rule's vault, retention and tags.</summary>
internal static class ScheduledJobs
{
    public static JobRecord Create(string region, DueRule due, InventoryResource resource, string iamRoleArn, BackupWindow window, DateTimeOffset now)
    {
        PlanDocument plan = due.Plan;
        BackupRuleInput rule = due.Rule;
        string vault = rule.TargetBackupVaultName!;
        bool expired = now >= window.StartBy;
        var spec = new BackupJobSpec
        {
            Region = region,
            BackupVaultName = vault,
            BackupVaultArn = Arn.BackupVault(region, plan.AccountId, vault).ToString(),
            ResourceArn = resource.ResourceArn,
            ResourceType = resource.ResourceType,
            ResourceName = resource.ResourceName,
            IamRoleArn = iamRoleArn,
            RecoveryPointArn = Arn.RecoveryPoint(region, plan.AccountId, Guid.NewGuid().ToString()).ToString(),
            Lifecycle = rule.Lifecycle,
            RecoveryPointTags = rule.RecoveryPointTags ?? new Dictionary<string, string>(),
            CreatedBy = new RecoveryPointCreator(
                plan.BackupPlanId,
                plan.BackupPlanArn,
                plan.Plan.BackupPlanName,
                plan.VersionId,
                rule.RuleId,
                rule.RuleName,
                rule.ScheduleExpression ?? BackupPlanDefaults.ScheduleExpression,
                rule.ScheduleExpressionTimezone ?? BackupPlanDefaults.ScheduleExpressionTimezone),
        };
        return new JobRecord
        {
            JobId = ScheduledJobIds.For(plan.BackupPlanId, rule.RuleId!, window.ScheduledAt, resource.ResourceArn),
            Kind = JobKind.Backup,
            AccountId = plan.AccountId,
            State = expired ? JobKindProfile.Backup.Expired! : JobKindProfile.Backup.Waiting,
            CreationDate = now,
            StartAfter = window.ScheduledAt,
            StartBy = window.StartBy,
            CompleteBy = window.CompleteBy,
            CompletionDate = expired ? now : null,
            StatusMessage = expired ? ExpiredMessage(window) : null,
            MessageCategory = expired ? "EXPIRED" : null,
            Spec = JobDocuments.ToElement(spec),
        };
    }

    /// <summary>AWS's message for an expired job, and why: Arca was not running during the whole start window.</summary>
    private static string ExpiredMessage(BackupWindow window) =>
        $"{BackupJobTiming.ExpiredMessage} Arca was not running between the scheduled time {Iso(window.ScheduledAt)} and the end of the start window {Iso(window.StartBy)}.";

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
