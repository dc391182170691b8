namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// <c>org-backup-plan-materializations/{account}</c> in the global store (i1 = organization): what the last materialization of the
/// account did with every plan of its effective policy in every region the plan lists — including what it did not write and why
/// (regions not served, invalid plans). Absent when no backup policy applies to the account.
/// </summary>
internal sealed record MaterializationRecord
{
    public required string AccountId { get; init; }

    public required string OrganizationId { get; init; }

    public required string ManagementAccountId { get; init; }

    public required DateTimeOffset MaterializedAt { get; init; }

    public IReadOnlyList<PlanRegionOutcome> Outcomes { get; init; } = [];
}
