using System.Text.Json;
using Arca.Domain.Plans;

namespace Arca.Api.Endpoints.Backup;

/// <summary>CreateBackupPlan's body; the plan stays a JSON element so the domain reader can name wrong members.</summary>
internal sealed record CreateBackupPlanBody(JsonElement? BackupPlan, Dictionary<string, string>? BackupPlanTags, string? CreatorRequestId);

/// <summary>UpdateBackupPlan's body.</summary>
internal sealed record UpdateBackupPlanBody(JsonElement? BackupPlan);

/// <summary>GetBackupPlanFromJSON's body.</summary>
internal sealed record PlanFromJsonBody(string? BackupPlanTemplateJson);

/// <summary>The output of CreateBackupPlan and UpdateBackupPlan.</summary>
internal sealed record PlanVersionOutput(
    string BackupPlanId, string BackupPlanArn, DateTimeOffset CreationDate, string VersionId, IReadOnlyList<AdvancedBackupSetting>? AdvancedBackupSettings);

/// <summary>The output of DeleteBackupPlan.</summary>
internal sealed record DeletePlanOutput(string BackupPlanId, string BackupPlanArn, DateTimeOffset? DeletionDate, string VersionId);

/// <summary>AWS <c>ScheduledPlanExecutionMember</c>.</summary>
internal sealed record ScheduledRunOutput(DateTimeOffset ExecutionTime, string RuleId, string RuleExecutionType);

/// <summary>
/// The output of GetBackupPlan; <c>ArcaFindings</c> (organization-managed plans only) is Arca's extension: what keeps the plan from
/// running as its policy intends. AWS clients ignore members their model does not have.
/// </summary>
internal sealed record GetPlanOutput(
    BackupPlanInput BackupPlan,
    string BackupPlanId,
    string BackupPlanArn,
    string VersionId,
    string? CreatorRequestId,
    DateTimeOffset CreationDate,
    DateTimeOffset? DeletionDate,
    DateTimeOffset? LastExecutionDate,
    IReadOnlyList<AdvancedBackupSetting>? AdvancedBackupSettings,
    IReadOnlyList<ScheduledRunOutput>? ScheduledRunsPreview,
    IReadOnlyList<OrganizationFindingWire>? ArcaFindings = null);

/// <summary>AWS <c>BackupPlansListMember</c>.</summary>
internal sealed record PlanListMember(
    string BackupPlanArn,
    string BackupPlanId,
    DateTimeOffset CreationDate,
    DateTimeOffset? DeletionDate,
    string VersionId,
    string? BackupPlanName,
    string? CreatorRequestId,
    DateTimeOffset? LastExecutionDate,
    IReadOnlyList<AdvancedBackupSetting>? AdvancedBackupSettings);

/// <summary>The output of ListBackupPlans.</summary>
internal sealed record ListPlansOutput(IReadOnlyList<PlanListMember> BackupPlansList, string? NextToken);

/// <summary>The output of ListBackupPlanVersions.</summary>
internal sealed record ListPlanVersionsOutput(IReadOnlyList<PlanListMember> BackupPlanVersionsList, string? NextToken);

/// <summary>The output of GetBackupPlanFromJSON.</summary>
internal sealed record PlanFromJsonOutput(BackupPlanInput BackupPlan);

/// <summary>The output of ExportBackupPlanTemplate.</summary>
internal sealed record ExportTemplateOutput(string BackupPlanTemplateJson);
