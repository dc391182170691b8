namespace Arca.Control.Organizations;

/// <summary>The root of an organization: the top container of OUs and accounts.</summary>
/// <param name="Id"><c>r-</c> and four characters of <c>[0-9a-z]</c>.</param>
/// <param name="Arn"><c>arn:aws:organizations::MGMT:root/o-…/r-…</c>.</param>
/// <param name="Name">Always <c>Root</c>.</param>
/// <param name="PolicyTypes">The policy types enabled in the root; backup policies are added here (issue 5).</param>
public sealed record OrganizationRoot(string Id, string Arn, string Name, IReadOnlyList<PolicyTypeSummary> PolicyTypes);
