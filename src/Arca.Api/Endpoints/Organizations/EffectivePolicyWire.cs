namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of DescribeEffectivePolicy (botocore organizations 2016-11-28) and of Arca's extension
// ArcaOrganizations.DescribeEffectivePolicyProvenance (documented in docs/design/server.md §8).

internal sealed record DescribeEffectivePolicyInput(string? PolicyType, string? TargetId);

internal sealed record EffectivePolicyWire(string PolicyContent, double LastUpdatedTimestamp, string TargetId, string PolicyType);

internal sealed record EffectivePolicyOutput(EffectivePolicyWire EffectivePolicy);

internal sealed record ProvenanceInput(string? TargetId);

internal sealed record AttachedPolicyWire(string PolicyId, string PolicyName);

internal sealed record PolicyLevelWire(string TargetId, IReadOnlyList<AttachedPolicyWire> Policies);

internal sealed record ProvenanceEntryWire(string Path, string Kind, string? Value, string PolicyId, string PolicyName, string TargetId);

internal sealed record PolicyDiagnosticWire(string Kind, string Path, string PolicyId, string PolicyName, string TargetId, string Message);

internal sealed record ProvenanceOutput(
    EffectivePolicyWire EffectivePolicy,
    string TargetType,
    IReadOnlyList<PolicyLevelWire> Levels,
    IReadOnlyList<ProvenanceEntryWire> Provenance,
    IReadOnlyList<PolicyDiagnosticWire> Diagnostics);
