using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Organizations;

/// <summary>What the materializer builds an account's organization-managed plans from.</summary>
/// <param name="OrganizationId">The account's organization.</param>
/// <param name="AccountId">The account.</param>
/// <param name="Policy">Its effective backup policy; check each plan with <see cref="EffectivePlanValidator"/>, then materialize it with
/// <see cref="Domain.Organizations.BackupPolicies.Materialization.BackupPlanMaterializer"/> for each region it lists.</param>
/// <param name="LastUpdated">When it last changed.</param>
public sealed record AccountBackupPolicy(string OrganizationId, string AccountId, EffectiveBackupPolicy Policy, DateTimeOffset LastUpdated);
