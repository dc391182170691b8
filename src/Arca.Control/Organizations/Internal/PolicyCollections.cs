using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>The collections of Organizations policies in the global store and what their index fields mean.</summary>
internal static class PolicyCollections
{
    /// <summary>The value of i2 in <see cref="BackupPolicyChanges"/> while a change waits for the materializer.</summary>
    public const string PendingIndex = "pending";

    /// <summary><c>org-policies</c>: key = policy id; i1 = organization, i2 = type, i3 = name.</summary>
    public static readonly Collection<PolicyRecord> Policies = new(
        "org-policies", PolicyJson.Default.PolicyRecord, p => p.Id, p => new IndexFields(p.OrganizationId, p.Type, p.Name));

    /// <summary><c>org-policy-attachments</c>: key = <c>ORG/TARGET/POLICY</c>; i1 = organization, i2 = target, i3 = policy.</summary>
    public static readonly Collection<PolicyAttachmentRecord> Attachments = new(
        "org-policy-attachments",
        PolicyJson.Default.PolicyAttachmentRecord,
        a => AttachmentKey(a.OrganizationId, a.TargetId, a.PolicyId),
        a => new IndexFields(a.OrganizationId, a.TargetId, a.PolicyId));

    /// <summary><c>org-backup-policy-changes</c>: key = account id; i1 = organization, i2 = <see cref="PendingIndex"/> while pending, i3 = changed at.</summary>
    public static readonly Collection<BackupPolicyChangeRecord> BackupPolicyChanges = new(
        "org-backup-policy-changes",
        PolicyJson.Default.BackupPolicyChangeRecord,
        c => c.AccountId,
        c => new IndexFields(c.OrganizationId, c.Pending ? PendingIndex : null, SortableTime.ToIndex(c.ChangedAt)));

    public static string AttachmentKey(string organizationId, string targetId, string policyId) => $"{organizationId}/{targetId}/{policyId}";

    /// <summary>The attachments of one target, first attached first.</summary>
    public static async Task<IReadOnlyList<PolicyAttachmentRecord>> AttachmentsOfTargetAsync(IMetadataTransaction tx, string organizationId, string targetId)
    {
        IReadOnlyList<PolicyAttachmentRecord> found = await Attachments.ListAsync(
            tx, new DocumentQuery { KeyPrefix = $"{organizationId}/{targetId}/" }).ConfigureAwait(false);
        return [.. found.OrderBy(a => a.Sequence)];
    }

    /// <summary>The attachments of one policy, by target id.</summary>
    public static Task<IReadOnlyList<PolicyAttachmentRecord>> AttachmentsOfPolicyAsync(
        IMetadataTransaction tx, string organizationId, string policyId, string? afterKey = null, int limit = int.MaxValue) =>
        Attachments.ListAsync(tx, new DocumentQuery { I1 = organizationId, I3 = policyId, AfterKey = afterKey, Limit = limit });

    /// <summary>Deletes every attachment to <paramref name="targetId"/> (the target is going away).</summary>
    public static async Task DetachAllFromTargetAsync(IMetadataTransaction tx, string organizationId, string targetId)
    {
        foreach (PolicyAttachmentRecord attachment in await AttachmentsOfTargetAsync(tx, organizationId, targetId).ConfigureAwait(false))
        {
            await Attachments.DeleteAsync(tx, Attachments.KeyOf(attachment)).ConfigureAwait(false);
        }
    }
}
