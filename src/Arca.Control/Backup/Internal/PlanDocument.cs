using System.Text.Json.Serialization;
using Arca.Control.Backup.OrganizationPlans.Internal;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Internal;

/// <summary>
/// <c>plans/{account}/{planId}</c>: a plan's current version (docs/design/backup-service.md §1). i1 = account,
/// i2 = <c>active</c> or <c>deleted</c>.
/// </summary>
internal sealed record PlanDocument
{
    public required string AccountId { get; init; }

    public required string BackupPlanId { get; init; }

    public required string BackupPlanArn { get; init; }

    /// <summary>The current version's id.</summary>
    public required string VersionId { get; init; }

    /// <summary>The current version's plan, defaults and RuleIds filled in, in AWS wire shape.</summary>
    [JsonConverter(typeof(BackupPlanInputConverter))]
    public required BackupPlanInput Plan { get; init; }

    public string? CreatorRequestId { get; init; }

    /// <summary>When the current version was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Set by DeleteBackupPlan (a soft delete); the plan stays readable.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    /// <summary>The last time a rule of the plan ran (set by the scheduler).</summary>
    public DateTimeOffset? LastExecutionDate { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Set for plans materialized from an Organizations backup policy (issue 5): the account may read them, but
    /// every change to them or their selections is refused with InvalidRequestException.
    /// </summary>
    public bool OrganizationManaged { get; init; }

    /// <summary>For organization-managed plans: the organization, the policy's plan name and the findings (issue 5).</summary>
    public OrganizationPlanOrigin? Organization { get; init; }

    /// <summary>The current version's position in the plan's history (1 for the first).</summary>
    public int VersionSequence { get; init; } = 1;
}
