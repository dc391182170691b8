using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.Scheduling;

/// <summary>The scheduler's collection of a regional store.</summary>
internal static class SchedulingCollections
{
    /// <summary><c>schedule-marks</c>: key <c>{account}/{planId}/{ruleId}</c>; i1 = account.</summary>
    public static readonly Collection<ScheduleMarkDocument> Marks = new(
        "schedule-marks", BackupJobsJson.Default.ScheduleMarkDocument, m => m.Key, m => new IndexFields(m.AccountId));

    public static string MarkKey(string accountId, string planId, string ruleId) => $"{accountId}/{planId}/{ruleId}";
}
