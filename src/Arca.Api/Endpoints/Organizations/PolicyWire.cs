namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of policies, attachments and policy types (botocore organizations 2016-11-28).

internal sealed record CreatePolicyInput(string? Content, string? Description, string? Name, string? Type, IReadOnlyList<TagWire>? Tags);

internal sealed record UpdatePolicyInput(string? PolicyId, string? Name, string? Description, string? Content);

internal sealed record PolicyIdInput(string? PolicyId);

internal sealed record ListPoliciesInput(string? Filter, string? NextToken, int? MaxResults);

internal sealed record PolicySummaryWire(string Id, string Arn, string Name, string Description, string Type, bool AwsManaged);

internal sealed record PolicyWire(PolicySummaryWire PolicySummary, string Content);

internal sealed record PolicyOutput(PolicyWire Policy);

internal sealed record ListPoliciesOutput(IReadOnlyList<PolicySummaryWire> Policies, string? NextToken);

internal sealed record PolicyTargetInput(string? PolicyId, string? TargetId);

internal sealed record ListPoliciesForTargetInput(string? TargetId, string? Filter, string? NextToken, int? MaxResults);

internal sealed record ListTargetsForPolicyInput(string? PolicyId, string? NextToken, int? MaxResults);

internal sealed record PolicyTargetWire(string TargetId, string Arn, string Name, string Type);

internal sealed record ListTargetsForPolicyOutput(IReadOnlyList<PolicyTargetWire> Targets, string? NextToken);

internal sealed record PolicyTypeInput(string? RootId, string? PolicyType);

internal sealed record RootOutput(RootWire Root);
