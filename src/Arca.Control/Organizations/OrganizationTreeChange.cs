namespace Arca.Control.Organizations;

/// <summary>
/// One committed change of an organization's tree that can change an account's effective policies, published
/// to every <see cref="IOrganizationTreeListener"/>.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="AccountId">The account concerned (for <see cref="OrganizationTreeChangeKind.OrganizationDeleted"/>, the management account).</param>
/// <param name="FromParentId">The account's parent before (moved, removed), or null.</param>
/// <param name="ToParentId">The account's parent after (joined, moved), or null.</param>
/// <param name="At">When the change was committed.</param>
public sealed record OrganizationTreeChange(
    OrganizationTreeChangeKind Kind,
    string OrganizationId,
    string AccountId,
    string? FromParentId,
    string? ToParentId,
    DateTimeOffset At);
