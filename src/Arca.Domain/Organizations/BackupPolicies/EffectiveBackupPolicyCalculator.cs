using Arca.Domain.Organizations.BackupPolicies.Internal;

namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// Computes effective backup policies: a pure function of the policies attached along the path
/// from the organization root to a target. Thread-safe. Rules: docs/design/backup-policy-inheritance.md §3.
/// </summary>
public static class EffectiveBackupPolicyCalculator
{
    /// <summary>
    /// Merges the policies attached along <paramref name="path"/> into the effective policy.
    /// </summary>
    /// <param name="path">
    /// The levels from the root down to the target (root, each OU from the top, then the account);
    /// within a level, policies in attachment order. Levels without policies may be included.
    /// </param>
    /// <returns>
    /// The effective policy with provenance; parts of policies that used a forbidden operator or
    /// lost a same-target conflict are left out and reported in <see cref="EffectiveBackupPolicy.Diagnostics"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or an element of it is null.</exception>
    public static EffectiveBackupPolicy Compute(IReadOnlyList<PolicyTargetLevel> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = new EffectiveNode("", "", BackupPolicySchema.Root);
        var diagnostics = new List<PolicyDiagnostic>();
        for (var level = 0; level < path.Count; level++)
        {
            var target = path[level] ?? throw new ArgumentNullException(nameof(path), "A level is null.");
            foreach (var policy in target.Policies)
            {
                ArgumentNullException.ThrowIfNull(policy, nameof(path));
                var source = new PolicySource(policy.PolicyId, policy.PolicyName, target.TargetId);
                new PolicyMerger(source, level, diagnostics).Merge(root, policy.Document.Root);
            }

            root.ApplyPendingRestrictions();
        }

        return new EffectiveBackupPolicy(root, diagnostics);
    }
}
