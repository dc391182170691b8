namespace Arca.Control.Organizations;

/// <summary>A child of a root or OU: an account or an OU.</summary>
public sealed record OrganizationChild(string Id, OrganizationChildType Type);
