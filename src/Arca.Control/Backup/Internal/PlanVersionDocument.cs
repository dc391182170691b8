using System.Text.Json.Serialization;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Internal;

/// <summary>
/// <c>plan-versions/{account}/{planId}/{versionId}</c>: every version a plan had (ListBackupPlanVersions,
/// GetBackupPlan with VersionId). i1 = account, i3 = created (sortable). Never changed once written.
/// </summary>
internal sealed record PlanVersionDocument
{
    public required string AccountId { get; init; }

    public required string BackupPlanId { get; init; }

    public required string BackupPlanArn { get; init; }

    public required string VersionId { get; init; }

    [JsonConverter(typeof(BackupPlanInputConverter))]
    public required BackupPlanInput Plan { get; init; }

    public string? CreatorRequestId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>1 for the version CreateBackupPlan made, then one more per UpdateBackupPlan: the listing order.</summary>
    public required int Sequence { get; init; }
}
