namespace Arca.Control.Organizations;

/// <summary>The parent of an account or OU: the root or an OU.</summary>
public sealed record OrganizationParent(string Id, OrganizationParentType Type);
