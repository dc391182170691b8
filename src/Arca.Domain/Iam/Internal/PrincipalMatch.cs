namespace Arca.Domain.Iam.Internal;

/// <summary>How a statement's principal element matched the caller.</summary>
internal enum PrincipalMatch
{
    /// <summary>The statement does not name the caller.</summary>
    None,

    /// <summary>The statement names the caller itself (or its role, or everyone), or has no principal element.</summary>
    Direct,

    /// <summary>The statement names only the caller's account: a grant delegated to the account's identity policies.</summary>
    Account,
}
