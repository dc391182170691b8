using Arca.Control.Backup.OrganizationPlans;
using Arca.Domain.Plans;

namespace Arca.Control.Backup;

/// <summary>
/// A version of a backup plan with its metadata: what GetBackupPlan returns, and the fields of the other plan
/// operations' outputs and list members.
/// </summary>
public sealed record BackupPlanDetails
{
    /// <summary>The plan with AWS's defaults and RuleIds filled in.</summary>
    public required BackupPlanInput BackupPlan { get; init; }

    public required string BackupPlanId { get; init; }

    public required string BackupPlanArn { get; init; }

    public required string VersionId { get; init; }

    public string? CreatorRequestId { get; init; }

    /// <summary>When this version was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>When the plan was deleted, or null.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    public DateTimeOffset? LastExecutionDate { get; init; }

    /// <summary>Whether the plan comes from an Organizations backup policy (read-only for the account).</summary>
    public bool OrganizationManaged { get; init; }

    /// <summary>For an organization-managed plan, what keeps it from running as its policy intends (Arca's extension); else empty.</summary>
    public IReadOnlyList<OrganizationPlanFinding> OrganizationFindings { get; init; } = [];

    /// <summary>The next scheduled runs, when GetBackupPlan asked for them; otherwise empty.</summary>
    public IReadOnlyList<ScheduledRun> ScheduledRunsPreview { get; init; } = [];
}
