using System.Security.Cryptography;
using System.Text;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// Identifiers of organization-managed plans, their rules and selections: name-based, so materializing the same policy
/// again finds the same plan (and the scheduler's marks keep their rule ids). A plan id is <c>orgs/</c> + a UUID derived from
/// the organization and the plan's name in the policy (lower-cased: policy keys match case-insensitively); AWS's own
/// organization-managed plans have ids of this shape (<c>orgs/</c> + a name-based UUID). The same plan has the same id in
/// every member account and region; keys and ARNs carry the account and region.
/// </summary>
/// <remarks>The derivation is persisted in ids: never change it (a changed derivation would orphan every existing plan).</remarks>
internal static class OrganizationPlanIds
{
    /// <summary>The prefix of every organization-managed plan id, and nothing else's (own plans have bare UUIDs).</summary>
    public const string Prefix = "orgs/";

    public static string Plan(string organizationId, string policyPlanName) =>
        Prefix + NameBased("plan", organizationId, policyPlanName.ToLowerInvariant());

    public static string Rule(string planId, string ruleName) => NameBased("rule", planId, ruleName.ToLowerInvariant());

    public static string Selection(string planId, string selectionName) => NameBased("selection", planId, selectionName.ToLowerInvariant());

    public static bool IsOrganizationPlan(string planId) => planId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A version-8 UUID (RFC 9562 §5.8) from the first 128 bits of SHA-256 over the parts, NUL-separated.</summary>
    private static string NameBased(params string[] parts)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("arca/org-backup-plan/v1\0" + string.Join('\0', parts)), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
