namespace Arca.Control.Organizations;

/// <summary>A tag on an account or OU.</summary>
public sealed record OrganizationTag(string? Key, string? Value);
