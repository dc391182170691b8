namespace Arca.Control.Organizations;

/// <summary>What a parent is.</summary>
public enum OrganizationParentType
{
    /// <summary><c>ROOT</c>.</summary>
    Root,

    /// <summary><c>ORGANIZATIONAL_UNIT</c>.</summary>
    OrganizationalUnit,
}
