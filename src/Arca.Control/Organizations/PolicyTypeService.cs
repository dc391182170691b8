using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// The policy types of the root: EnablePolicyType, DisablePolicyType. Arca implements <c>BACKUP_POLICY</c> (and lists
/// <c>SERVICE_CONTROL_POLICY</c>, enabled with all features, which can be switched too); other types of the model are not
/// available. Both need all features. As in AWS, disabling a type detaches every policy of that type from every root, OU
/// and account (the policies stay), so re-enabling it starts with nothing attached; the accounts that had backup policies
/// are marked (<see cref="BackupPolicyChangeFeed"/>).
/// </summary>
/// <remarks>Thread-safe. Only the management account may call them (AWS's delegation policy, which would let a delegated
/// administrator, is not implemented). Both complete at once: no <c>PENDING_*</c> status is ever shown.</remarks>
public sealed class PolicyTypeService(IMetadataStore store, Authorizer authorizer, TimeProvider time, IEnumerable<IBackupPolicyListener> listeners)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <exception cref="Errors.AwsServiceException"><c>PolicyTypeAlreadyEnabledException</c>; <c>RootNotFoundException</c>;
    /// <c>PolicyTypeNotAvailableForOrganizationException</c> without all features or for a type Arca does not implement.</exception>
    public async Task<OrganizationRoot> EnablePolicyTypeAsync(CallerIdentity caller, string? rootId, string? policyType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        (string root, string type) = Validate(rootId, policyType);
        OrganizationRecord organization = await _access.RequireAsync(caller, "EnablePolicyType", CallerAccess.Management,
            o => OrganizationTree.ParentArn(o, root), cancellationToken).ConfigureAwait(false);
        PolicyService.RequireAllFeatures(organization);
        return await store.TransactAsync(async tx =>
        {
            OrganizationRecord current = await RequireRootAsync(tx, organization.Id, root).ConfigureAwait(false);
            if (current.RootPolicyTypes.Any(t => t.Type == type))
            {
                throw OrganizationPolicyErrors.PolicyTypeAlreadyEnabled(type, root);
            }

            current = current with { RootPolicyTypes = [.. current.RootPolicyTypes, new PolicyTypeSummary(type, PolicyTypeStatus.Enabled)] };
            await OrganizationCollections.Organizations.PutAsync(tx, current).ConfigureAwait(false);
            return OrganizationTree.ToRoot(current);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="Errors.AwsServiceException"><c>PolicyTypeNotEnabledException</c>; <c>RootNotFoundException</c>.</exception>
    public async Task<OrganizationRoot> DisablePolicyTypeAsync(CallerIdentity caller, string? rootId, string? policyType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        (string root, string type) = Validate(rootId, policyType);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DisablePolicyType", CallerAccess.Management,
            o => OrganizationTree.ParentArn(o, root), cancellationToken).ConfigureAwait(false);
        PolicyService.RequireAllFeatures(organization);
        DateTimeOffset now = time.GetUtcNow();
        (OrganizationRoot disabled, IReadOnlyList<string> marked) = await store.TransactAsync(async tx =>
        {
            OrganizationRecord current = await RequireRootAsync(tx, organization.Id, root).ConfigureAwait(false);
            if (!current.RootPolicyTypes.Any(t => t.Type == type))
            {
                throw OrganizationPolicyErrors.PolicyTypeNotEnabled(type, root);
            }

            current = current with { RootPolicyTypes = [.. current.RootPolicyTypes.Where(t => t.Type != type)] };
            await OrganizationCollections.Organizations.PutAsync(tx, current).ConfigureAwait(false);
            IReadOnlyList<string> accounts = type == OrganizationPolicyTypes.BackupPolicy ? await DetachAllAsync(tx, current).ConfigureAwait(false) : [];
            return (OrganizationTree.ToRoot(current),
                await BackupPolicyChanges.MarkAsync(tx, current.Id, accounts, BackupPolicyChangeReason.PolicyTypeDisabled, now).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        await BackupPolicyChanges.PublishAsync(listeners, organization.Id, marked, BackupPolicyChangeReason.PolicyTypeDisabled, now, cancellationToken)
            .ConfigureAwait(false);
        return disabled;
    }

    private static (string Root, string Type) Validate(string? rootId, string? policyType)
    {
        string root = OrganizationValidation.RootId(rootId);
        string type = PolicyValidation.Type(policyType, "PolicyType");
        return type is OrganizationPolicyTypes.BackupPolicy or OrganizationPolicyTypes.ServiceControlPolicy ? (root, type) : throw PolicyValidation.NotImplemented(type);
    }

    private static async Task<OrganizationRecord> RequireRootAsync(IMetadataTransaction tx, string organizationId, string rootId)
    {
        OrganizationRecord current = await OrganizationCollections.Organizations.GetAsync(tx, organizationId).ConfigureAwait(false)
            ?? throw OrganizationErrors.NotInUse();
        return current.RootId == rootId ? current : throw OrganizationPolicyErrors.RootNotFound(rootId);
    }

    /// <summary>Detaches every backup policy in the organization; returns the accounts they applied to.</summary>
    private static async Task<IReadOnlyList<string>> DetachAllAsync(IMetadataTransaction tx, OrganizationRecord organization)
    {
        var accounts = new List<string>();
        IReadOnlyList<PolicyAttachmentRecord> attachments = await PolicyCollections.Attachments.ListAsync(tx, new DocumentQuery { I1 = organization.Id })
            .ConfigureAwait(false);
        foreach (string target in attachments.Select(a => a.TargetId).Distinct(StringComparer.Ordinal))
        {
            accounts.AddRange(await BackupPolicyChanges.AccountsUnderAsync(tx, organization, target).ConfigureAwait(false));
        }

        foreach (PolicyAttachmentRecord attachment in attachments)
        {
            await PolicyCollections.Attachments.DeleteAsync(tx, PolicyCollections.Attachments.KeyOf(attachment)).ConfigureAwait(false);
        }

        return accounts;
    }
}
