using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Organizations policies themselves: CreatePolicy, UpdatePolicy, DescribePolicy, DeletePolicy, ListPolicies. Arca implements
/// <c>BACKUP_POLICY</c>: content is validated by <see cref="Domain.Organizations.BackupPolicies.BackupPolicyDocument"/> and
/// stored exactly as given. Changing the content of an attached policy marks the accounts it applies to
/// (<see cref="BackupPolicyChangeFeed"/>) in the same transaction and then tells the <see cref="IBackupPolicyListener"/>s.
/// </summary>
/// <remarks>
/// Thread-safe. Changes are made by the management account or a delegated administrator for <c>backup.amazonaws.com</c>; reads
/// also by any delegated administrator. Errors are <see cref="Errors.AwsServiceException"/>s (<see cref="OrganizationPolicyErrors"/>).
/// </remarks>
public sealed class PolicyService(
    IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time, IEnumerable<IBackupPolicyListener> listeners)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <exception cref="Errors.AwsServiceException"><c>MalformedPolicyDocumentException</c> naming the offending elements;
    /// <c>DuplicatePolicyException</c> when the name is taken; <c>PolicyTypeNotAvailableForOrganizationException</c> for another type.</exception>
    public async Task<OrganizationPolicy> CreatePolicyAsync(CallerIdentity caller, CreatePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string name = PolicyValidation.Name(request.Name);
        string description = PolicyValidation.Description(request.Description);
        string type = PolicyValidation.BackupPolicyType(request.Type, "Type");
        _ = PolicyValidation.Content(request.Content);
        IReadOnlyList<OrganizationTag> tags = OrganizationValidation.Tags(request.Tags);
        OrganizationRecord organization = await _access.RequireAsync(caller, "CreatePolicy", CallerAccess.ManagementOrBackupAdministrator, null, cancellationToken)
            .ConfigureAwait(false);
        RequireAllFeatures(organization);
        DateTimeOffset now = time.GetUtcNow();
        return await store.TransactAsync(async tx =>
        {
            await RequireUniqueNameAsync(tx, organization, type, name).ConfigureAwait(false);
            PolicyRecord policy;
            do
            {
                policy = new PolicyRecord
                {
                    Id = PolicyValidation.NewPolicyId(),
                    OrganizationId = organization.Id,
                    Type = type,
                    Name = name,
                    Description = description,
                    Content = request.Content,
                    CreatedAt = now,
                    ContentUpdatedAt = now,
                    Tags = tags,
                };
            }
            while (!await PolicyCollections.Policies.InsertAsync(tx, policy).ConfigureAwait(false));

            return PolicyReads.ToPolicy(organization, policy);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the name, description or content of a policy; a member left out keeps its value.</summary>
    public async Task<OrganizationPolicy> UpdatePolicyAsync(CallerIdentity caller, UpdatePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string id = PolicyValidation.PolicyId(request.PolicyId);
        string? name = request.Name is null ? null : PolicyValidation.Name(request.Name);
        string? description = request.Description is null ? null : PolicyValidation.Description(request.Description);
        if (request.Content is not null)
        {
            _ = PolicyValidation.Content(request.Content);
        }

        OrganizationRecord organization = await _access.RequireAsync(caller, "UpdatePolicy", CallerAccess.ManagementOrBackupAdministrator,
            o => PolicyReads.PolicyArn(o, id), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        (OrganizationPolicy updated, IReadOnlyList<string> marked) = await store.TransactAsync(async tx =>
        {
            PolicyRecord policy = await PolicyReads.RequirePolicyAsync(tx, organization, id).ConfigureAwait(false);
            if (name is not null && name != policy.Name)
            {
                await RequireUniqueNameAsync(tx, organization, policy.Type, name).ConfigureAwait(false);
            }

            bool contentChanged = request.Content is not null && !string.Equals(request.Content, policy.Content, StringComparison.Ordinal);
            policy = policy with
            {
                Name = name ?? policy.Name,
                Description = description ?? policy.Description,
                Content = request.Content ?? policy.Content,
                ContentUpdatedAt = contentChanged ? now : policy.ContentUpdatedAt,
            };
            await PolicyCollections.Policies.PutAsync(tx, policy).ConfigureAwait(false);
            IReadOnlyList<string> accounts = contentChanged ? await AccountsUnderPolicyAsync(tx, organization, id).ConfigureAwait(false) : [];
            return (PolicyReads.ToPolicy(organization, policy), await BackupPolicyChanges.MarkIfEnabledAsync(
                tx, organization.Id, accounts, BackupPolicyChangeReason.PolicyContentUpdated, now).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        await BackupPolicyChanges.PublishAsync(listeners, organization.Id, marked, BackupPolicyChangeReason.PolicyContentUpdated, now, cancellationToken)
            .ConfigureAwait(false);
        return updated;
    }

    public async Task<OrganizationPolicy> DescribePolicyAsync(CallerIdentity caller, string? policyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = PolicyValidation.PolicyId(policyId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribePolicy", CallerAccess.ManagementOrDelegatedAdministrator,
            o => PolicyReads.PolicyArn(o, id), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx => PolicyReads.ToPolicy(organization, await PolicyReads.RequirePolicyAsync(tx, organization, id)
            .ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="Errors.AwsServiceException"><c>PolicyInUseException</c> while the policy is attached anywhere.</exception>
    public async Task DeletePolicyAsync(CallerIdentity caller, string? policyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = PolicyValidation.PolicyId(policyId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DeletePolicy", CallerAccess.ManagementOrBackupAdministrator,
            o => PolicyReads.PolicyArn(o, id), cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            _ = await PolicyReads.RequirePolicyAsync(tx, organization, id).ConfigureAwait(false);
            IReadOnlyList<PolicyAttachmentRecord> attachments = await PolicyCollections.AttachmentsOfPolicyAsync(tx, organization.Id, id).ConfigureAwait(false);
            if (attachments.Count > 0)
            {
                throw OrganizationPolicyErrors.PolicyInUse(id, attachments.Count);
            }

            return await PolicyCollections.Policies.DeleteAsync(tx, id).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The organization's policies of one type, by id. Arca has no policy of a type other than <c>BACKUP_POLICY</c>.</summary>
    public async Task<OrganizationPage<OrganizationPolicySummary>> ListPoliciesAsync(
        CallerIdentity caller, string? filter, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string type = PolicyValidation.Type(filter, "Filter");
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListPolicies", CallerAccess.ManagementOrDelegatedAdministrator, null,
            cancellationToken).ConfigureAwait(false);
        string scope = $"org-policies:{organization.Id}:{type}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<PolicyRecord> found = await store.TransactAsync(tx => PolicyCollections.Policies.ListAsync(
            tx, new DocumentQuery { I1 = organization.Id, I2 = type, AfterKey = after, Limit = limit + 1 }), cancellationToken).ConfigureAwait(false);
        return Paging.Page(found, limit, p => p.Id, p => PolicyReads.ToSummary(organization, p), tokens, scope);
    }

    /// <summary>Every account the policy applies to through its attachments.</summary>
    internal static async Task<IReadOnlyList<string>> AccountsUnderPolicyAsync(IMetadataTransaction tx, OrganizationRecord organization, string policyId)
    {
        var accounts = new List<string>();
        foreach (PolicyAttachmentRecord attachment in await PolicyCollections.AttachmentsOfPolicyAsync(tx, organization.Id, policyId).ConfigureAwait(false))
        {
            accounts.AddRange(await BackupPolicyChanges.AccountsUnderAsync(tx, organization, attachment.TargetId).ConfigureAwait(false));
        }

        return accounts;
    }

    /// <summary>Management policies need all features (AWS: PolicyTypeNotAvailableForOrganizationException).</summary>
    internal static void RequireAllFeatures(OrganizationRecord organization)
    {
        if (organization.FeatureSet != OrganizationFeatureSet.All)
        {
            throw OrganizationPolicyErrors.PolicyTypeNotAvailable(
                "You can't use backup policies with the feature set currently enabled for this organization: they need all features (FeatureSet ALL).");
        }
    }

    private static async Task RequireUniqueNameAsync(IMetadataTransaction tx, OrganizationRecord organization, string type, string name)
    {
        IReadOnlyList<StoredDocument> same = await tx.ListAsync(
            PolicyCollections.Policies.Name, new DocumentQuery { I1 = organization.Id, I2 = type, I3 = name, Limit = 1 }).ConfigureAwait(false);
        if (same.Count > 0)
        {
            throw OrganizationPolicyErrors.DuplicatePolicy(name);
        }
    }
}
