namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted trusted access of a service to an organization.</summary>
internal sealed record ServiceAccessRecord(string OrganizationId, string ServicePrincipal, DateTimeOffset EnabledAt);
