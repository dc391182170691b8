namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted registration of a member account as delegated administrator of a service.</summary>
internal sealed record DelegatedAdministratorRecord(string OrganizationId, string AccountId, string ServicePrincipal, DateTimeOffset EnabledAt);
