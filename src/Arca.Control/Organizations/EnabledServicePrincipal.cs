namespace Arca.Control.Organizations;

/// <summary>A service with trusted access to the organization.</summary>
public sealed record EnabledServicePrincipal(string ServicePrincipal, DateTimeOffset DateEnabled);
