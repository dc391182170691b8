namespace Arca.Domain.Iam;

/// <summary>The result of evaluating one policy against one request.</summary>
/// <param name="Decision">Allow, Deny or NotApplicable.</param>
/// <param name="Statement">The deciding statement: the first applicable Deny, else the first applicable Allow
/// (preferring one that names the caller directly); null when not applicable.</param>
/// <param name="IsAccountDelegation">
/// True for an Allow whose statement matched the caller only through its account (<c>arn:aws:iam::ACCOUNT:root</c>
/// or a bare account id) while the caller is not the root itself: the resource policy then delegates to the
/// account's identity policies instead of granting on its own.
/// </param>
public sealed record PolicyEvaluation(PolicyDecision Decision, PolicyStatement? Statement, bool IsAccountDelegation)
{
    /// <summary>No statement applies.</summary>
    public static PolicyEvaluation NotApplicable { get; } = new(PolicyDecision.NotApplicable, null, false);
}
