using System.Globalization;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Where policies apply: AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy. The order of attachment to
/// one target is recorded (first attached first): it decides same-target conflicts of backup policies
/// (docs/design/backup-policy-inheritance.md §3.3). Attaching and detaching mark the accounts beneath the target
/// (<see cref="BackupPolicyChangeFeed"/>) in the same transaction, then tell the <see cref="IBackupPolicyListener"/>s.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s (<see cref="OrganizationPolicyErrors"/>).</remarks>
public sealed class PolicyAttachmentService(
    IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time, IEnumerable<IBackupPolicyListener> listeners)
{
    /// <summary>Backup policies directly attached to one root, OU or account, AWS's quota.</summary>
    public const int MaxPoliciesPerTarget = 10;

    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <exception cref="Errors.AwsServiceException"><c>PolicyTypeNotEnabledException</c> until EnablePolicyType;
    /// <c>DuplicatePolicyAttachmentException</c>; <c>TargetNotFoundException</c>; <c>ConstraintViolationException</c> past the quota.</exception>
    public async Task AttachPolicyAsync(CallerIdentity caller, string? policyId, string? targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string policy = PolicyValidation.PolicyId(policyId);
        string target = PolicyValidation.TargetId(targetId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "AttachPolicy", CallerAccess.ManagementOrBackupAdministrator,
            o => PolicyReads.PolicyArn(o, policy), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<string> marked = await store.TransactAsync(async tx =>
        {
            OrganizationRecord current = await OrganizationCollections.Organizations.GetAsync(tx, organization.Id).ConfigureAwait(false)
                ?? throw OrganizationErrors.NotInUse();
            PolicyRecord found = await PolicyReads.RequirePolicyAsync(tx, current, policy).ConfigureAwait(false);
            _ = await PolicyReads.RequireTargetAsync(tx, current, target).ConfigureAwait(false);
            if (!BackupPolicyChanges.IsEnabled(current))
            {
                throw OrganizationPolicyErrors.PolicyTypeNotEnabled(found.Type, current.RootId);
            }

            IReadOnlyList<PolicyAttachmentRecord> attached = await PolicyCollections.AttachmentsOfTargetAsync(tx, current.Id, target).ConfigureAwait(false);
            if (attached.Any(a => a.PolicyId == policy))
            {
                throw OrganizationPolicyErrors.DuplicatePolicyAttachment(policy, target);
            }

            if (attached.Count >= MaxPoliciesPerTarget)
            {
                throw OrganizationErrors.ConstraintViolation("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
                    $"{target} has {attached.Count} backup policies attached; at most {MaxPoliciesPerTarget} are allowed.");
            }

            await PolicyCollections.Attachments.PutAsync(tx, new PolicyAttachmentRecord
            {
                OrganizationId = current.Id,
                PolicyId = policy,
                TargetId = target,
                Sequence = attached.Count == 0 ? 1 : attached[^1].Sequence + 1,
                AttachedAt = now,
            }, expectedVersion: 0).ConfigureAwait(false);
            IReadOnlyList<string> accounts = await BackupPolicyChanges.AccountsUnderAsync(tx, current, target).ConfigureAwait(false);
            return await BackupPolicyChanges.MarkAsync(tx, current.Id, accounts, BackupPolicyChangeReason.PolicyAttached, now).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        await BackupPolicyChanges.PublishAsync(listeners, organization.Id, marked, BackupPolicyChangeReason.PolicyAttached, now, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <exception cref="Errors.AwsServiceException"><c>PolicyNotAttachedException</c> when it is not attached to the target.</exception>
    public async Task DetachPolicyAsync(CallerIdentity caller, string? policyId, string? targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string policy = PolicyValidation.PolicyId(policyId);
        string target = PolicyValidation.TargetId(targetId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DetachPolicy", CallerAccess.ManagementOrBackupAdministrator,
            o => PolicyReads.PolicyArn(o, policy), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<string> marked = await store.TransactAsync(async tx =>
        {
            _ = await PolicyReads.RequirePolicyAsync(tx, organization, policy).ConfigureAwait(false);
            _ = await PolicyReads.RequireTargetAsync(tx, organization, target).ConfigureAwait(false);
            if (!await PolicyCollections.Attachments.DeleteAsync(tx, PolicyCollections.AttachmentKey(organization.Id, target, policy)).ConfigureAwait(false))
            {
                throw OrganizationPolicyErrors.PolicyNotAttached(policy, target);
            }

            IReadOnlyList<string> accounts = await BackupPolicyChanges.AccountsUnderAsync(tx, organization, target).ConfigureAwait(false);
            return await BackupPolicyChanges.MarkIfEnabledAsync(tx, organization.Id, accounts, BackupPolicyChangeReason.PolicyDetached, now)
                .ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        await BackupPolicyChanges.PublishAsync(listeners, organization.Id, marked, BackupPolicyChangeReason.PolicyDetached, now, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The policies of one type attached directly to a root, OU or account, first attached first.</summary>
    public async Task<OrganizationPage<OrganizationPolicySummary>> ListPoliciesForTargetAsync(
        CallerIdentity caller, string? targetId, string? filter, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string target = PolicyValidation.TargetId(targetId);
        string type = PolicyValidation.Type(filter, "Filter");
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListPoliciesForTarget", CallerAccess.ManagementOrDelegatedAdministrator,
            o => PolicyReads.TargetArn(o, target), cancellationToken).ConfigureAwait(false);
        string scope = $"org-policies-for-target:{organization.Id}:{target}:{type}";
        string? after = Paging.After(tokens, scope, nextToken);
        long afterSequence = after is null ? 0 : long.Parse(after, NumberStyles.None, CultureInfo.InvariantCulture);
        IReadOnlyList<(PolicyAttachmentRecord Attachment, PolicyRecord Policy)> found = await store.TransactAsync(async tx =>
        {
            _ = await PolicyReads.RequireTargetAsync(tx, organization, target).ConfigureAwait(false);
            var page = new List<(PolicyAttachmentRecord, PolicyRecord)>();
            foreach (PolicyAttachmentRecord attachment in await PolicyCollections.AttachmentsOfTargetAsync(tx, organization.Id, target).ConfigureAwait(false))
            {
                if (attachment.Sequence > afterSequence && page.Count <= limit
                    && await PolicyReads.FindPolicyAsync(tx, organization, attachment.PolicyId).ConfigureAwait(false) is { } policy && policy.Type == type)
                {
                    page.Add((attachment, policy));
                }
            }

            return page;
        }, cancellationToken).ConfigureAwait(false);
        return Paging.Page(found, limit, f => f.Attachment.Sequence.ToString("D19", CultureInfo.InvariantCulture),
            f => PolicyReads.ToSummary(organization, f.Policy), tokens, scope);
    }

    /// <summary>The roots, OUs and accounts a policy is attached to, by id.</summary>
    public async Task<OrganizationPage<PolicyTarget>> ListTargetsForPolicyAsync(
        CallerIdentity caller, string? policyId, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string policy = PolicyValidation.PolicyId(policyId);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListTargetsForPolicy", CallerAccess.ManagementOrDelegatedAdministrator,
            o => PolicyReads.PolicyArn(o, policy), cancellationToken).ConfigureAwait(false);
        string scope = $"org-targets-for-policy:{organization.Id}:{policy}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<(string Key, PolicyTarget Target)> found = await store.TransactAsync<IReadOnlyList<(string, PolicyTarget)>>(async tx =>
        {
            _ = await PolicyReads.RequirePolicyAsync(tx, organization, policy).ConfigureAwait(false);
            var targets = new List<(string, PolicyTarget)>();
            foreach (PolicyAttachmentRecord attachment in await PolicyCollections.AttachmentsOfPolicyAsync(tx, organization.Id, policy, after, limit + 1)
                .ConfigureAwait(false))
            {
                PolicyTarget target = await PolicyReads.FindTargetAsync(tx, organization, attachment.TargetId).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"{PolicyCollections.Attachments.KeyOf(attachment)} names a target that does not exist");
                targets.Add((PolicyCollections.Attachments.KeyOf(attachment), target));
            }

            return targets;
        }, cancellationToken).ConfigureAwait(false);
        return Paging.Page(found, limit, f => f.Key, f => f.Target, tokens, scope);
    }
}
