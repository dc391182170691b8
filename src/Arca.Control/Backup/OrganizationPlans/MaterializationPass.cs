namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>What one pass over the change feed (or over every account) did.</summary>
/// <param name="Accounts">Every account materialized, in order.</param>
/// <param name="StillPending">Accounts that changed again while they were being materialized: still pending, for the next pass.</param>
public sealed record MaterializationPass(IReadOnlyList<AccountMaterialization> Accounts, int StillPending);
