namespace Arca.Control.Organizations;

/// <summary>What changed an account's effective backup policy (the last such change is recorded).</summary>
public enum BackupPolicyChangeReason
{
    /// <summary>UpdatePolicy changed the content of a backup policy in force above or on the account.</summary>
    PolicyContentUpdated,

    /// <summary>AttachPolicy on the account, an OU above it or the root.</summary>
    PolicyAttached,

    /// <summary>DetachPolicy from the account, an OU above it or the root.</summary>
    PolicyDetached,

    /// <summary>DisablePolicyType: every backup policy was detached and stopped applying.</summary>
    PolicyTypeDisabled,

    /// <summary>The account joined the organization (CreateAccount).</summary>
    AccountJoined,

    /// <summary>MoveAccount: the account inherits from other OUs now.</summary>
    AccountMoved,

    /// <summary>RemoveAccountFromOrganization: no organization policy applies any longer.</summary>
    AccountRemoved,

    /// <summary>DeleteOrganization: the management account is standalone; no organization policy applies any longer.</summary>
    OrganizationDeleted,
}
