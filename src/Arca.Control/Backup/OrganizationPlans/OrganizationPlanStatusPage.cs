namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>A page of <see cref="OrganizationPlanStatusService.DescribeAsync"/>: the plans of a page of accounts, and the token for the next.</summary>
public sealed record OrganizationPlanStatusPage(IReadOnlyList<OrganizationPlanStatus> BackupPlans, string? NextToken);
