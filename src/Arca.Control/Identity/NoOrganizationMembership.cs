namespace Arca.Control.Identity;

/// <summary>The default <see cref="IOrganizationMembership"/> until Organizations exists: no account is in an organization.</summary>
public sealed class NoOrganizationMembership : IOrganizationMembership
{
    public static NoOrganizationMembership Instance { get; } = new();

    /// <inheritdoc/>
    public Task<OrganizationMembership?> GetMembershipAsync(string accountId, CancellationToken cancellationToken = default) =>
        Task.FromResult<OrganizationMembership?>(null);
}
