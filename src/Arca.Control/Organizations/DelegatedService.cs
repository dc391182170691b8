namespace Arca.Control.Organizations;

/// <summary>A service for which an account is delegated administrator.</summary>
public sealed record DelegatedService(string ServicePrincipal, DateTimeOffset DelegationEnabledDate);
