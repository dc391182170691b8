namespace Arca.Control.Organizations;

/// <summary>A member account registered as delegated administrator, with the earliest of its (listed) registrations.</summary>
public sealed record DelegatedAdministrator(OrganizationAccount Account, DateTimeOffset DelegationEnabledDate);
