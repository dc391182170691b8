namespace Arca.Control.Identity;

/// <summary>
/// The seam between identity and Organizations: which organization an account belongs to. Authentication
/// calls it once per request to fill <see cref="CallerIdentity.OrganizationId"/> and
/// <see cref="CallerIdentity.OrganizationPaths"/>; the <c>Authorizer</c> calls it for service control
/// policies. The Organizations service implements it; <see cref="NoOrganizationMembership"/> is the default.
/// </summary>
/// <remarks>Implementations are thread-safe, read-only here, and fast (called on every request).</remarks>
public interface IOrganizationMembership
{
    /// <summary>The organization of <paramref name="accountId"/>, or null when the account is in none.</summary>
    Task<OrganizationMembership?> GetMembershipAsync(string accountId, CancellationToken cancellationToken = default);
}
