namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of trusted access and delegated administrators (botocore organizations 2016-11-28).

internal sealed record ServicePrincipalInput(string? ServicePrincipal);

internal sealed record EnabledServicePrincipalWire(string ServicePrincipal, double DateEnabled);

internal sealed record ListAwsServiceAccessOutput(IReadOnlyList<EnabledServicePrincipalWire> EnabledServicePrincipals, string? NextToken);

internal sealed record DelegatedAdministratorInput(string? AccountId, string? ServicePrincipal);

internal sealed record ListDelegatedAdministratorsInput(string? ServicePrincipal, string? NextToken, int? MaxResults);

internal sealed record ListDelegatedServicesInput(string? AccountId, string? NextToken, int? MaxResults);

internal sealed record DelegatedAdministratorWire(
    string Id, string Arn, string Email, string Name, string Status, string State, string JoinedMethod, double JoinedTimestamp, double DelegationEnabledDate);

internal sealed record ListDelegatedAdministratorsOutput(IReadOnlyList<DelegatedAdministratorWire> DelegatedAdministrators, string? NextToken);

internal sealed record DelegatedServiceWire(string ServicePrincipal, double DelegationEnabledDate);

internal sealed record ListDelegatedServicesOutput(IReadOnlyList<DelegatedServiceWire> DelegatedServices, string? NextToken);
