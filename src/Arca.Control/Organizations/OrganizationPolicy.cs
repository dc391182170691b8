namespace Arca.Control.Organizations;

/// <summary>A policy with its content, as CreatePolicy, UpdatePolicy and DescribePolicy return it.</summary>
/// <param name="Summary">Id, ARN, name, description, type.</param>
/// <param name="Content">The document exactly as it was given.</param>
public sealed record OrganizationPolicy(OrganizationPolicySummary Summary, string Content);
