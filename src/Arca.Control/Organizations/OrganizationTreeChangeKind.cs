namespace Arca.Control.Organizations;

/// <summary>What changed in an organization's tree.</summary>
public enum OrganizationTreeChangeKind
{
    /// <summary>An account entered the organization: the management account with CreateOrganization, a new one with CreateAccount.</summary>
    AccountJoined,

    /// <summary>MoveAccount: the account's parent, hence its inherited policies, changed.</summary>
    AccountMoved,

    /// <summary>RemoveAccountFromOrganization: the account is standalone now; organization policies no longer apply to it.</summary>
    AccountRemoved,

    /// <summary>DeleteOrganization: the management account, the only one left, is standalone now.</summary>
    OrganizationDeleted,
}
