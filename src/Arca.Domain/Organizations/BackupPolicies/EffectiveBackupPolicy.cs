using Arca.Domain.Organizations.BackupPolicies.Internal;

namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// The effective backup policy of one account (or OU): what <c>DescribeEffectivePolicy</c>
/// returns, plus the provenance of every value and the parts of attached policies that were
/// ignored. Immutable and thread-safe. Produced by <see cref="EffectiveBackupPolicyCalculator"/>.
/// </summary>
public sealed class EffectiveBackupPolicy
{
    private readonly EffectiveNode _root;

    internal EffectiveBackupPolicy(EffectiveNode root, IReadOnlyList<PolicyDiagnostic> diagnostics)
    {
        _root = root;
        Diagnostics = diagnostics;
        Provenance = EffectiveTreeWriter.Provenance(root);
        Plans = EffectivePlanBinder.BindPlans(root);
    }

    /// <summary>True when no attached policy contributed any value (AWS: <c>EffectivePolicyNotFoundException</c>).</summary>
    public bool IsEmpty => _root.IsEmpty;

    /// <summary>
    /// For every map key, scalar value and list element of the effective policy, in document
    /// order: which policy, attached to which target, supplied it.
    /// </summary>
    public IReadOnlyList<ProvenanceEntry> Provenance { get; }

    /// <summary>Every change an attached policy tried to make that had no effect, in merge order.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    /// <summary>The plans, typed, in the order they were introduced.</summary>
    public IReadOnlyList<EffectivePlan> Plans { get; }

    /// <summary>
    /// The effective policy in AWS's form (<c>PolicyContent</c> of <c>DescribeEffectivePolicy</c>):
    /// operators removed, scalars as strings, lists as arrays, <c>$account</c> kept literally.
    /// </summary>
    /// <param name="indented">Pretty-print (for people); the API uses the compact form.</param>
    public string ToJson(bool indented = false) => EffectiveTreeWriter.ToJson(_root, indented);
}
