using Arca.Domain.Plans;

namespace Arca.Control.Backup;

/// <summary>The input of CreateBackupPlan. Members mirror the wire: null when absent.</summary>
/// <param name="BackupPlan">Required: the plan (RuleIds in it are ignored; Arca assigns them).</param>
/// <param name="BackupPlanTags">Tags of the plan.</param>
/// <param name="CreatorRequestId">Idempotency token: a repeated request with the same token returns the plan it created.</param>
public sealed record CreateBackupPlanRequest(
    BackupPlanInput? BackupPlan, IReadOnlyDictionary<string, string>? BackupPlanTags = null, string? CreatorRequestId = null);
