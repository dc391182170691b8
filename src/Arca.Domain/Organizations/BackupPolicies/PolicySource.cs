namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// Where an effective value came from: the policy (id and name) and the target (root, OU or
/// account id) it is attached to.
/// </summary>
/// <param name="PolicyId">Organizations policy id, e.g. <c>p-12345678</c>.</param>
/// <param name="PolicyName">The policy's name at the time of the computation.</param>
/// <param name="TargetId">The root, OU or account the policy is attached to.</param>
public sealed record PolicySource(string PolicyId, string PolicyName, string TargetId)
{
    /// <inheritdoc/>
    public override string ToString() => $"policy {PolicyId} ({PolicyName}) attached to {TargetId}";
}
