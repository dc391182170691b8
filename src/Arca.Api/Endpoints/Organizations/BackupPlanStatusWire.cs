using Arca.Api.Endpoints.Backup;

namespace Arca.Api.Endpoints.Organizations;

/// <summary><c>ArcaOrganizations.DescribeBackupPlanStatus</c>'s input: one account, or every account of the organization page by page.</summary>
internal sealed record BackupPlanStatusInput(string? AccountId, string? NextToken, int? MaxResults);

/// <summary>One organization-managed plan in one account and region.</summary>
internal sealed record BackupPlanStatusWire(
    string AccountId,
    string? Region,
    string BackupPlanName,
    string BackupPlanId,
    string? VersionId,
    string Status,
    IReadOnlyList<OrganizationFindingWire> Findings,
    double? FindingsCheckedAt);

/// <summary><c>ArcaOrganizations.DescribeBackupPlanStatus</c>'s output.</summary>
internal sealed record BackupPlanStatusOutput(IReadOnlyList<BackupPlanStatusWire> BackupPlans, string? NextToken);
