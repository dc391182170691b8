using Arca.Control.Metadata;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Organizations.Internal;

/// <summary>
/// The input of <see cref="EffectiveBackupPolicyCalculator.Compute"/> read from the store: for each target from the root down,
/// its backup policies in attachment order.
/// </summary>
/// <param name="Levels">Root, OUs from the top, then the target itself.</param>
/// <param name="AttachedCount">How many attachments the path has.</param>
/// <param name="LatestInput">The latest attachment or content change on the path (the effective policy's last update when nothing better is known).</param>
internal sealed record PolicyLevels(IReadOnlyList<PolicyTargetLevel> Levels, int AttachedCount, DateTimeOffset? LatestInput)
{
    /// <summary>The targets from the root down to an account in <paramref name="parentPath"/> (<c>o-…/r-…/ou-…/</c>).</summary>
    public static IReadOnlyList<string> PathOfAccount(string parentPath, string accountId) => [.. PathOf(parentPath), accountId];

    /// <summary>The targets of a path <c>o-…/r-…/ou-…/</c>: the root and the OUs, without the organization.</summary>
    public static IReadOnlyList<string> PathOf(string path) => [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1)];

    /// <summary>Reads the backup policies attached along <paramref name="targets"/>.</summary>
    public static async Task<PolicyLevels> ReadAsync(IMetadataTransaction tx, OrganizationRecord organization, IReadOnlyList<string> targets)
    {
        var levels = new List<PolicyTargetLevel>();
        var documents = new Dictionary<string, (PolicyRecord Policy, BackupPolicyDocument Document)>(StringComparer.Ordinal);
        DateTimeOffset? latest = null;
        int count = 0;
        foreach (string target in targets)
        {
            var policies = new List<BackupPolicyAttachment>();
            foreach (PolicyAttachmentRecord attachment in await PolicyCollections.AttachmentsOfTargetAsync(tx, organization.Id, target).ConfigureAwait(false))
            {
                if (!documents.TryGetValue(attachment.PolicyId, out var loaded))
                {
                    PolicyRecord policy = await PolicyReads.FindPolicyAsync(tx, organization, attachment.PolicyId).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"{PolicyCollections.Attachments.KeyOf(attachment)} names a policy that does not exist");
                    loaded = (policy, BackupPolicyDocument.ParseOrThrow(policy.Content));
                    documents[policy.Id] = loaded;
                }

                if (loaded.Policy.Type != OrganizationPolicyTypes.BackupPolicy)
                {
                    continue;
                }

                policies.Add(new BackupPolicyAttachment(loaded.Policy.Id, loaded.Policy.Name, loaded.Document));
                latest = Max(latest, Max(attachment.AttachedAt, loaded.Policy.ContentUpdatedAt));
                count++;
            }

            levels.Add(new PolicyTargetLevel(target, policies));
        }

        return new PolicyLevels(levels, count, latest);
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
