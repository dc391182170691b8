namespace Arca.Control.Organizations;

/// <summary>What a policy is attached to.</summary>
public enum PolicyTargetType
{
    /// <summary><c>ACCOUNT</c>.</summary>
    Account,

    /// <summary><c>ORGANIZATIONAL_UNIT</c>.</summary>
    OrganizationalUnit,

    /// <summary><c>ROOT</c>.</summary>
    Root,
}
