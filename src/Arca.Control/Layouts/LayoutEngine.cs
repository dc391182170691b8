using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Layouts.Internal;
using Arca.Control.Organizations;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts;

/// <summary>
/// Plans and applies a layout (docs/design/layout.md §3) through the control-plane services the APIs use, acting in each
/// account as the management account would (<see cref="LayoutActors"/>). Reading and changing share one code path, so a plan
/// lists exactly what an apply does.
/// </summary>
/// <remarks>Not meant to run twice at once for one layout: <see cref="LayoutService"/> serializes runs.</remarks>
public sealed class LayoutEngine
{
    private readonly LayoutActors _actors;
    private readonly LayoutRoles _roles;
    private readonly LayoutKeys _keys;
    private readonly LayoutVaults _vaults;
    private readonly LayoutBackupPolicies _backupPolicies;

    public LayoutEngine(
        LayoutActors actors,
        RoleService roles,
        RolePolicyService rolePolicies,
        KeyService keys,
        AliasService aliases,
        KeyPolicyService keyPolicies,
        KeyTagService keyTags,
        BackupVaultService vaults,
        VaultAccessPolicyService accessPolicies,
        VaultLockService locks,
        BackupTagService tags,
        RecoveryPointService recoveryPoints,
        PolicyService policies,
        PolicyAttachmentService attachments,
        TimeProvider time)
    {
        _actors = actors;
        _roles = new LayoutRoles(roles, rolePolicies);
        _keys = new LayoutKeys(keys, aliases, keyPolicies, keyTags);
        _vaults = new LayoutVaults(vaults, accessPolicies, locks, tags, recoveryPoints, time);
        _backupPolicies = new LayoutBackupPolicies(policies, attachments);
    }

    /// <summary>Plans (or applies) the layout for the targeted accounts (only <paramref name="onlyAccounts"/> when given), removing deployed items it no longer has.</summary>
    internal async Task<EngineRun> RunAsync(
        LayoutContext context, IReadOnlyList<DeployedItem> deployed, bool apply, IReadOnlySet<string>? onlyAccounts, CancellationToken cancellationToken)
    {
        Layout layout = context.Layout;
        var changes = new List<LayoutChange>();
        var instances = new List<LayoutInstance>();
        var now = new List<DeployedItem>();
        var targeted = context.Targeted.Where(a => onlyAccounts is null || onlyAccounts.Contains(a.AccountId)).ToList();

        // Items of accounts this run does not look at stay as they are; those of accounts that left the organization are forgotten.
        now.AddRange(deployed.Where(d => onlyAccounts is not null && !onlyAccounts.Contains(d.AccountId) && context.Find(d.AccountId) is not null
            && d.ResourceType != LayoutResourceTypes.BackupPolicy));
        foreach (LayoutTarget account in context.Accounts.Where(a => onlyAccounts is null || onlyAccounts.Contains(a.AccountId)))
        {
            bool isTargeted = targeted.Contains(account);
            IReadOnlyList<DeployedItem> mine = [.. deployed.Where(d => d.AccountId == account.AccountId && d.ResourceType != LayoutResourceTypes.BackupPolicy)];
            if (!isTargeted && mine.Count == 0)
            {
                continue;
            }

            await RunAccountAsync(context, account, isTargeted, mine, apply, changes, instances, now, cancellationToken).ConfigureAwait(false);
        }

        if (onlyAccounts is null || onlyAccounts.Contains(context.ManagementAccountId))
        {
            await RunBackupPoliciesAsync(context, deployed, apply, changes, instances, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            now.AddRange(deployed.Where(d => d.ResourceType == LayoutResourceTypes.BackupPolicy));
        }

        return new EngineRun(changes, [.. instances.OrderBy(i => i.AccountId, StringComparer.Ordinal).ThenBy(i => i.Region, StringComparer.Ordinal)], now);
    }

    private async Task RunAccountAsync(
        LayoutContext context, LayoutTarget account, bool targeted, IReadOnlyList<DeployedItem> mine, bool apply,
        List<LayoutChange> changes, List<LayoutInstance> instances, List<DeployedItem> now, CancellationToken cancellationToken)
    {
        Layout layout = context.Layout;
        string[] regions = [.. (targeted ? layout.Regions : []).Union(mine.Where(d => d.Region != LayoutResourceTypes.GlobalRegion).Select(d => d.Region))];
        CallerIdentity actor;
        try
        {
            actor = await _actors.ForAccountAsync(context.ManagementAccountId, account.AccountId, layout.Name, regions.FirstOrDefault() ?? layout.Regions[0],
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            string reason = $"cannot act in account {account.AccountId} through {LayoutActors.AccessRoleName}: {PolicyText.Reason(e)}";
            instances.AddRange((targeted ? layout.Regions : regions).Select(r => new LayoutInstance(account.AccountId, account.AccountName, r, LayoutInstanceStatus.Failed, reason)));
            now.AddRange(mine);
            return;
        }

        var global = new InstanceTally(changes);
        if (targeted)
        {
            foreach (LayoutRole role in layout.Roles)
            {
                Track(global.Add(await _roles.ReconcileAsync(actor, role, context, account, apply, cancellationToken).ConfigureAwait(false)), apply,
                    now, new DeployedItem(account.AccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.Role, role.Name), mine);
            }
        }

        foreach (string region in regions)
        {
            var tally = new InstanceTally(changes);
            bool wanted = targeted && layout.Regions.Contains(region);
            CallerIdentity regional = actor with { Region = region };
            var keyArns = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (LayoutKey key in wanted ? layout.Keys : [])
            {
                ItemResult result = await _keys.ReconcileAsync(regional, key, context, account, apply, cancellationToken).ConfigureAwait(false);
                keyArns[key.AliasName] = result.KeyArn;
                Track(tally.Add(result), apply, now, new DeployedItem(account.AccountId, region, LayoutResourceTypes.Key, key.AliasName), mine);
            }

            foreach (LayoutVault vault in wanted ? layout.Vaults : [])
            {
                LayoutKey? key = vault.Key is null ? null : layout.FindKey(vault.Key);
                string? keyArn = key is null ? null : keyArns.GetValueOrDefault(key.AliasName);
                if (apply && key is not null && keyArn is null)
                {
                    tally.Fail($"vault {vault.Name}: its key {key.AliasName} is not available");
                    now.AddRange(mine.Where(d => d.Region == region && d.ResourceType == LayoutResourceTypes.Vault && d.Name == vault.Name));
                    continue;
                }

                Track(tally.Add(await _vaults.ReconcileAsync(regional, vault, context, account, keyArn, apply, cancellationToken).ConfigureAwait(false)), apply,
                    now, new DeployedItem(account.AccountId, region, LayoutResourceTypes.Vault, vault.Name), mine);
            }

            await PruneAsync(regional, mine.Where(d => d.Region == region && !Wanted(layout, d, wanted)), tally, apply, now, cancellationToken).ConfigureAwait(false);
            if (wanted)
            {
                tally.Include(global);
                instances.Add(new LayoutInstance(account.AccountId, account.AccountName, region, tally.Status, tally.Failure));
            }
        }

        await PruneAsync(actor, mine.Where(d => d.Region == LayoutResourceTypes.GlobalRegion && !Wanted(layout, d, targeted)), global, apply, now, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task RunBackupPoliciesAsync(
        LayoutContext context, IReadOnlyList<DeployedItem> deployed, bool apply, List<LayoutChange> changes, List<LayoutInstance> instances, List<DeployedItem> now,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<DeployedItem> mine = [.. deployed.Where(d => d.ResourceType == LayoutResourceTypes.BackupPolicy)];
        if (context.Layout.BackupPolicies.Count == 0 && mine.Count == 0)
        {
            return;
        }

        CallerIdentity management = await _actors.ManagementAsync(context.ManagementAccountId, context.Layout.Regions[0], cancellationToken).ConfigureAwait(false);
        var tally = new InstanceTally(changes);
        foreach (LayoutBackupPolicy policy in context.Layout.BackupPolicies)
        {
            Track(tally.Add(await _backupPolicies.ReconcileAsync(management, policy, context, apply, cancellationToken).ConfigureAwait(false)), apply, now,
                new DeployedItem(context.ManagementAccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.BackupPolicy, policy.Name), mine);
        }

        await PruneAsync(management, mine.Where(d => !context.Layout.BackupPolicies.Any(p => p.Name == d.Name)), tally, apply, now, cancellationToken).ConfigureAwait(false);
        if (context.Layout.BackupPolicies.Count > 0)
        {
            LayoutTarget? account = context.Find(context.ManagementAccountId);
            instances.Add(new LayoutInstance(context.ManagementAccountId, account?.AccountName ?? string.Empty, LayoutResourceTypes.GlobalRegion, tally.Status, tally.Failure));
        }
    }

    /// <summary>Removes items the layout (or destroy) no longer wants; what fails to go stays deployed.</summary>
    private async Task PruneAsync(
        CallerIdentity actor, IEnumerable<DeployedItem> items, InstanceTally tally, bool apply, List<DeployedItem> now, CancellationToken cancellationToken)
    {
        foreach (DeployedItem item in Order(items))
        {
            ItemResult result = await DeleteAsync(actor with { Region = item.Region == LayoutResourceTypes.GlobalRegion ? actor.Region : item.Region }, item,
                deleteRecoveryPoints: false, apply, cancellationToken).ConfigureAwait(false);
            if (tally.Add(result) || !apply)
            {
                now.Add(item);
            }
        }
    }

    /// <summary>Deletes every item of <paramref name="items"/> (destroy): policies, then per account and region vaults and keys, then roles.</summary>
    internal async Task<EngineRun> DestroyAsync(
        LayoutContext context, IReadOnlyList<DeployedItem> items, bool deleteRecoveryPoints, bool apply, CancellationToken cancellationToken)
    {
        var changes = new List<LayoutChange>();
        var instances = new List<LayoutInstance>();
        var remaining = new List<DeployedItem>();
        IReadOnlyList<DeployedItem> policies = [.. items.Where(i => i.ResourceType == LayoutResourceTypes.BackupPolicy)];
        if (policies.Count > 0)
        {
            CallerIdentity management = await _actors.ManagementAsync(context.ManagementAccountId, context.Layout.Regions[0], cancellationToken).ConfigureAwait(false);
            var tally = new InstanceTally(changes);
            foreach (DeployedItem policy in policies)
            {
                if (tally.Add(await DeleteAsync(management, policy, deleteRecoveryPoints, apply, cancellationToken).ConfigureAwait(false)) || !apply)
                {
                    remaining.Add(policy);
                }
            }

            instances.Add(new LayoutInstance(context.ManagementAccountId, context.Find(context.ManagementAccountId)?.AccountName ?? string.Empty,
                LayoutResourceTypes.GlobalRegion, Destroyed(tally, apply), tally.Failure));
        }

        foreach (IGrouping<string, DeployedItem> account in items.Where(i => i.ResourceType != LayoutResourceTypes.BackupPolicy).GroupBy(i => i.AccountId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            LayoutTarget target = context.Find(account.Key) ?? new LayoutTarget(account.Key, string.Empty, string.Empty, false);
            string[] regions = [.. account.Where(i => i.Region != LayoutResourceTypes.GlobalRegion).Select(i => i.Region).Distinct().Order(StringComparer.Ordinal)];
            CallerIdentity actor;
            try
            {
                actor = await _actors.ForAccountAsync(context.ManagementAccountId, account.Key, context.Layout.Name, regions.FirstOrDefault() ?? context.Layout.Regions[0],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                string reason = $"cannot act in account {account.Key} through {LayoutActors.AccessRoleName}: {PolicyText.Reason(e)}";
                instances.AddRange(regions.Select(r => new LayoutInstance(account.Key, target.AccountName, r, LayoutInstanceStatus.Failed, reason)));
                remaining.AddRange(account);
                continue;
            }

            bool kept = false;
            foreach (string region in regions)
            {
                var tally = new InstanceTally(changes);
                foreach (DeployedItem item in Order(account.Where(i => i.Region == region)))
                {
                    // A vault that stays keeps its key: the key is only scheduled for deletion once its vaults are gone.
                    if (tally.Failure is not null && apply)
                    {
                        changes.Add(new LayoutChange(item.AccountId, region, item.ResourceType, item.Name, LayoutAction.Delete, ["not deleted"])
                        {
                            Outcome = LayoutOutcome.Skipped,
                            Reason = "an earlier deletion of this account and region failed",
                        });
                        remaining.Add(item);
                        continue;
                    }

                    if (tally.Add(await DeleteAsync(actor with { Region = region }, item, deleteRecoveryPoints, apply, cancellationToken).ConfigureAwait(false)) || !apply)
                    {
                        remaining.Add(item);
                    }
                }

                kept |= tally.Failure is not null;
                instances.Add(new LayoutInstance(account.Key, target.AccountName, region, Destroyed(tally, apply), tally.Failure));
            }

            foreach (DeployedItem role in account.Where(i => i.Region == LayoutResourceTypes.GlobalRegion))
            {
                if (kept && apply)
                {
                    changes.Add(new LayoutChange(role.AccountId, role.Region, role.ResourceType, role.Name, LayoutAction.Delete, ["not deleted"])
                    {
                        Outcome = LayoutOutcome.Skipped,
                        Reason = "a vault of this account stays",
                    });
                    remaining.Add(role);
                }
                else if (new InstanceTally(changes).Add(await DeleteAsync(actor, role, deleteRecoveryPoints, apply, cancellationToken).ConfigureAwait(false)) || !apply)
                {
                    remaining.Add(role);
                }
            }
        }

        return new EngineRun(changes, [.. instances.OrderBy(i => i.AccountId, StringComparer.Ordinal).ThenBy(i => i.Region, StringComparer.Ordinal)], remaining);
    }

    private static LayoutInstanceStatus Destroyed(InstanceTally tally, bool apply) =>
        tally.Failure is not null ? LayoutInstanceStatus.Failed : apply || !tally.Pending ? LayoutInstanceStatus.Current : LayoutInstanceStatus.Outdated;

    private Task<ItemResult> DeleteAsync(CallerIdentity actor, DeployedItem item, bool deleteRecoveryPoints, bool apply, CancellationToken cancellationToken) =>
        item.ResourceType switch
        {
            LayoutResourceTypes.Role => _roles.DeleteAsync(actor, item.Name, apply, cancellationToken),
            LayoutResourceTypes.Key => _keys.DeleteAsync(actor, item.Name, apply, cancellationToken),
            LayoutResourceTypes.Vault => _vaults.DeleteAsync(actor, item.Name, deleteRecoveryPoints, apply, cancellationToken),
            _ => _backupPolicies.DeleteAsync(actor, item.Name, apply, cancellationToken),
        };

    /// <summary>Deletion order: vaults before keys (a key outlives its vaults), everything else after.</summary>
    private static IEnumerable<DeployedItem> Order(IEnumerable<DeployedItem> items) =>
        items.OrderBy(i => i.ResourceType switch
        {
            LayoutResourceTypes.BackupPolicy => 0,
            LayoutResourceTypes.Vault => 1,
            LayoutResourceTypes.Key => 2,
            _ => 3,
        });

    private static bool Wanted(Layout layout, DeployedItem item, bool targeted) => targeted && item.ResourceType switch
    {
        LayoutResourceTypes.Role => layout.Roles.Any(r => r.Name == item.Name),
        LayoutResourceTypes.Key => layout.Keys.Any(k => k.AliasName == item.Name),
        LayoutResourceTypes.Vault => layout.Vaults.Any(v => v.Name == item.Name),
        _ => false,
    };

    /// <summary>After an item was reconciled: it counts as deployed when it exists now (or did before and still might).</summary>
    private static void Track(bool failed, bool apply, List<DeployedItem> now, DeployedItem item, IReadOnlyList<DeployedItem> before)
    {
        if ((apply && !failed) || before.Contains(item))
        {
            now.Add(item);
        }
    }
}
