namespace Arca.Domain.Iam;

/// <summary>The outcome of an authorization.</summary>
public enum AccessOutcome
{
    /// <summary>The request is allowed.</summary>
    Allowed,

    /// <summary>A Deny statement applies (in any identity, resource or service control policy).</summary>
    ExplicitDeny,

    /// <summary>Nothing denies the request, but the allows it needs are missing (the default).</summary>
    ImplicitDeny,
}
