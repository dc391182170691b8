namespace Arca.Api.Endpoints.Kms;

// Wire shapes of the key policy operations.

internal sealed record GetKeyPolicyInput(string? KeyId, string? PolicyName);

internal sealed record PutKeyPolicyInput(string? KeyId, string? PolicyName, string? Policy, bool? BypassPolicyLockoutSafetyCheck);

internal sealed record ListKeyPoliciesInput(string? KeyId, int? Limit, string? Marker);

internal sealed record GetKeyPolicyOutput(string Policy, string PolicyName);

internal sealed record ListKeyPoliciesOutput(IReadOnlyList<string> PolicyNames, string? NextMarker, bool Truncated);
