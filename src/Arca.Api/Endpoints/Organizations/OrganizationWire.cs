namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of organizations and roots (botocore organizations 2016-11-28): member names as the model spells them.

internal sealed record CreateOrganizationInput(string? FeatureSet);

internal sealed record EmptyInput;

internal sealed record PageInput(string? NextToken, int? MaxResults);

internal sealed record PolicyTypeSummaryWire(string Type, string Status);

internal sealed record OrganizationWire(
    string Id,
    string Arn,
    string FeatureSet,
    string MasterAccountArn,
    string MasterAccountId,
    string MasterAccountEmail,
    IReadOnlyList<PolicyTypeSummaryWire> AvailablePolicyTypes);

internal sealed record OrganizationOutput(OrganizationWire Organization);

internal sealed record RootWire(string Id, string Arn, string Name, IReadOnlyList<PolicyTypeSummaryWire> PolicyTypes);

internal sealed record ListRootsOutput(IReadOnlyList<RootWire> Roots, string? NextToken);
