namespace Arca.Control.Organizations;

/// <summary>A policy as ListPolicies shows it.</summary>
/// <param name="Id"><c>p-</c> and eight characters of <c>[a-z0-9]</c>.</param>
/// <param name="Arn"><c>arn:aws:organizations::MGMT:policy/o-…/backup_policy/p-…</c>.</param>
/// <param name="Name">1 to 128 characters, unique in the organization.</param>
/// <param name="Description">At most 512 characters.</param>
/// <param name="Type">AWS's type name (<see cref="OrganizationPolicyTypes"/>).</param>
/// <param name="AwsManaged">Always false: Arca has no AWS-managed policies.</param>
public sealed record OrganizationPolicySummary(string Id, string Arn, string Name, string Description, string Type, bool AwsManaged);
