namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// One level of the path from the root to an account: a target (the root, an OU or the account)
/// and the backup policies attached to it, <b>in attachment order</b> (the order decides
/// same-target conflicts: the first-attached policy wins).
/// </summary>
/// <param name="TargetId">Root (<c>r-…</c>), OU (<c>ou-…</c>) or account id.</param>
/// <param name="Policies">Policies attached to the target, first-attached first.</param>
public sealed record PolicyTargetLevel(string TargetId, IReadOnlyList<BackupPolicyAttachment> Policies);
