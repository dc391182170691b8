namespace Arca.Control.Organizations;

/// <summary>One page of an Organizations listing; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record OrganizationPage<T>(IReadOnlyList<T> Items, string? NextToken);
