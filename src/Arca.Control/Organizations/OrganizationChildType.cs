namespace Arca.Control.Organizations;

/// <summary>What ListChildren lists.</summary>
public enum OrganizationChildType
{
    /// <summary><c>ACCOUNT</c>.</summary>
    Account,

    /// <summary><c>ORGANIZATIONAL_UNIT</c>.</summary>
    OrganizationalUnit,
}
