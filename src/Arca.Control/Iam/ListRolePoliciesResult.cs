namespace Arca.Control.Iam;

/// <summary>A page of ListRolePolicies; <see cref="Marker"/> resumes it when <see cref="IsTruncated"/>.</summary>
public sealed record ListRolePoliciesResult(IReadOnlyList<string> PolicyNames, bool IsTruncated, string? Marker);
