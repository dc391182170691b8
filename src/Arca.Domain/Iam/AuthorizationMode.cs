namespace Arca.Domain.Iam;

/// <summary>How identity and resource policies combine for a same-account request.</summary>
public enum AuthorizationMode
{
    /// <summary>
    /// IAM's rule for resources with resource-based policies (vaults, role trust): within one account an Allow in
    /// either the identity policies or the resource policy (naming the caller) suffices.
    /// </summary>
    Standard,

    /// <summary>
    /// KMS's rule: the key policy is required and must allow the request, either directly or by delegating to the
    /// caller's account (<c>arn:aws:iam::ACCOUNT:root</c>), in which case an identity policy must allow it too.
    /// An identity policy alone never suffices.
    /// </summary>
    KmsKeyPolicy,
}
