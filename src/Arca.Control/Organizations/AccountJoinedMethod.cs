namespace Arca.Control.Organizations;

/// <summary>How an account joined its organization.</summary>
public enum AccountJoinedMethod
{
    /// <summary><c>INVITED</c>: the management account (it created the organization), or an invited account.</summary>
    Invited,

    /// <summary><c>CREATED</c>: made by CreateAccount.</summary>
    Created,
}
