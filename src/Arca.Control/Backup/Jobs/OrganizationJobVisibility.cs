using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// <see cref="IJobVisibility"/> over <see cref="CrossAccountMonitoring"/> (AWS's cross-account monitoring): a monitoring
/// account (the management account or a delegated administrator for Backup) of an organization whose trusted access for
/// <c>backup.amazonaws.com</c> is enabled lists every account of its organization with <c>*</c>, one account of it with its
/// id (an account outside the organization gives nothing), and its own jobs without a value; it may describe any job of
/// an account of its organization. Every other caller sees only its own account's jobs, whatever it asks for.
/// </summary>
/// <remarks>Thread-safe. Reads the global metadata store (organization membership) once or twice per call.</remarks>
public sealed class OrganizationJobVisibility(CrossAccountMonitoring monitoring, IMetadataStore store) : IJobVisibility
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListableAccountsAsync(CallerIdentity caller, string? byAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (byAccountId is null || byAccountId == caller.AccountId)
        {
            return [caller.AccountId];
        }

        string? organization = await monitoring.MonitoredOrganizationAsync(caller, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            return [caller.AccountId];
        }

        if (byAccountId == "*")
        {
            return await MembersAsync(organization, cancellationToken).ConfigureAwait(false);
        }

        return await IsMemberAsync(organization, byAccountId, cancellationToken).ConfigureAwait(false) ? [byAccountId] : [];
    }

    /// <inheritdoc/>
    public async Task<bool> CanReadAsync(CallerIdentity caller, string jobAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(jobAccountId);
        if (caller.AccountId == jobAccountId)
        {
            return true;
        }

        string? organization = await monitoring.MonitoredOrganizationAsync(caller, cancellationToken).ConfigureAwait(false);
        return organization is not null && await IsMemberAsync(organization, jobAccountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every account of <paramref name="organizationId"/> (the management account included), in id order.</summary>
    public async Task<IReadOnlyList<string>> MembersAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<MemberRecord> members = await store.TransactAsync(
            tx => OrganizationCollections.OfOrganizationAsync(tx, OrganizationCollections.Members, organizationId), cancellationToken).ConfigureAwait(false);
        return [.. members.Select(m => m.AccountId).Order(StringComparer.Ordinal)];
    }

    private async Task<bool> IsMemberAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        MemberRecord? member = await store.TransactAsync(tx => OrganizationCollections.Members.GetAsync(tx, accountId), cancellationToken).ConfigureAwait(false);
        return member?.OrganizationId == organizationId;
    }
}
