namespace Arca.Control.Organizations;

/// <summary>An organization as DescribeOrganization shows it.</summary>
/// <param name="Id"><c>o-</c> and ten characters of <c>[a-z0-9]</c>.</param>
/// <param name="Arn"><c>arn:aws:organizations::MGMT:organization/o-…</c>.</param>
/// <param name="FeatureSet">All features, or consolidated billing only.</param>
/// <param name="ManagementAccountId">The management account.</param>
/// <param name="ManagementAccountArn">The management account's organization ARN.</param>
/// <param name="ManagementAccountEmail">The management account's email.</param>
/// <param name="AvailablePolicyTypes">The policy types of the root (AWS's deprecated mirror of ListRoots).</param>
public sealed record Organization(
    string Id,
    string Arn,
    OrganizationFeatureSet FeatureSet,
    string ManagementAccountId,
    string ManagementAccountArn,
    string ManagementAccountEmail,
    IReadOnlyList<PolicyTypeSummary> AvailablePolicyTypes);
