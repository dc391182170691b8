namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>What materializing one account did, over every region this server serves.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="OrganizationId">The organization whose policy applies, or null when none does (every organization-managed plan was removed).</param>
/// <param name="Created">Plans created, or brought back after a deletion.</param>
/// <param name="Versioned">Plans whose body changed: same id, new VersionId.</param>
/// <param name="Unchanged">Plans whose body stayed (selections, tags and findings may have changed).</param>
/// <param name="Deleted">Plans the policy no longer asks for, soft-deleted with their selections.</param>
/// <param name="NotMaterialized">For every plan and region not written, why (region not served, invalid plan), for the log.</param>
public sealed record AccountMaterialization(
    string AccountId, string? OrganizationId, int Created, int Versioned, int Unchanged, int Deleted, IReadOnlyList<string> NotMaterialized);
