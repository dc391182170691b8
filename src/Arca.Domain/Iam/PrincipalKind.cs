namespace Arca.Domain.Iam;

/// <summary>What kind of principal makes a request.</summary>
public enum PrincipalKind
{
    /// <summary>The account itself (root credentials): implicit full identity permissions.</summary>
    AccountRoot,

    /// <summary>A role acting directly (Arca-internal use; AWS callers act through <see cref="AssumedRole"/> sessions).</summary>
    Role,

    /// <summary>A session obtained with <c>sts:AssumeRole</c>; its identity policies are the role's.</summary>
    AssumedRole,

    /// <summary>A service principal such as <c>backup.amazonaws.com</c>; it has no account and no identity policies.</summary>
    Service,
}
