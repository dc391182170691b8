namespace Arca.Domain.Iam;

/// <summary>Where a policy document is attached, which decides the elements it may and must contain.</summary>
public enum PolicyKind
{
    /// <summary>
    /// Attached to an identity (a role's inline policy) or a service control policy: no <c>Principal</c>
    /// or <c>NotPrincipal</c>; <c>Resource</c> or <c>NotResource</c> is required.
    /// </summary>
    Identity,

    /// <summary>
    /// Attached to a resource (vault access policy, key policy): <c>Principal</c> or <c>NotPrincipal</c>
    /// is required, and so is <c>Resource</c> or <c>NotResource</c>.
    /// </summary>
    Resource,

    /// <summary>
    /// A role's trust policy (who may <c>sts:AssumeRole</c>): <c>Principal</c> is required;
    /// <c>NotPrincipal</c>, <c>Resource</c> and <c>NotResource</c> are not allowed.
    /// </summary>
    RoleTrust,
}
