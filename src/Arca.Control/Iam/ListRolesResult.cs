namespace Arca.Control.Iam;

/// <summary>A page of ListRoles; <see cref="Marker"/> resumes it when <see cref="IsTruncated"/>.</summary>
public sealed record ListRolesResult(IReadOnlyList<Role> Roles, bool IsTruncated, string? Marker);
