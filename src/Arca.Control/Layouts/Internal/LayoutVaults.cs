using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts.Internal;

/// <summary>Brings a backup vault of a layout into one account × region (key, access policy, lock, tags), or removes it.</summary>
internal sealed class LayoutVaults(
    BackupVaultService vaults, VaultAccessPolicyService accessPolicies, VaultLockService locks, BackupTagService tags, RecoveryPointService recoveryPoints, TimeProvider time)
{
    private const string NotFound = "ResourceNotFoundException";

    /// <param name="actor">Who acts, in the instance's region.</param>
    /// <param name="vault">The vault of the layout.</param>
    /// <param name="context">The layout and its organization.</param>
    /// <param name="account">The instance's account.</param>
    /// <param name="keyArn">The ARN of the vault's key when it is a key of the layout (null while a plan still has to create it).</param>
    /// <param name="apply">Make the change, or only plan it.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<ItemResult> ReconcileAsync(
        CallerIdentity actor, LayoutVault vault, LayoutContext context, LayoutTarget account, string? keyArn, bool apply, CancellationToken cancellationToken)
    {
        string? policy;
        string? wantedKey = keyArn;
        try
        {
            policy = vault.AccessPolicy is null ? null : context.Render(vault.AccessPolicy, account, actor.Region, json: true);
            if (vault.Key is not null && context.Layout.FindKey(vault.Key) is null)
            {
                wantedKey = context.Render(vault.Key, account, actor.Region, json: false);
            }
        }
        catch (KeyNotFoundException e)
        {
            return Items.Failed($"vault {vault.Name}: {e.Message}");
        }

        BackupVaultDetails? current;
        var details = new List<string>();
        Dictionary<string, string> missingTags = [];
        bool policyDiffers = false, lockDiffers = false;
        try
        {
            current = await Items.FindAsync(() => vaults.DescribeAsync(actor, vault.Name, cancellationToken: cancellationToken), NotFound).ConfigureAwait(false);
            if (current is not null)
            {
                if (vault.Key is not null && wantedKey is not null && !SameKey(current.EncryptionKeyArn, wantedKey))
                {
                    return Items.Failed(
                        $"vault {vault.Name} is encrypted with {current.EncryptionKeyArn}, not {wantedKey}: a vault's key cannot change (delete the vault, or give the layout its key)");
                }

                if (policy is not null)
                {
                    BackupVaultAccessPolicy? actual = await Items.FindAsync(() => accessPolicies.GetAsync(actor, vault.Name, cancellationToken), NotFound).ConfigureAwait(false);
                    policyDiffers = !PolicyText.Same(actual?.Policy, policy);
                    if (policyDiffers)
                    {
                        details.Add(actual is null ? "access policy missing" : "access policy differs");
                    }
                }

                if (vault.Lock is { } wanted && (current.Lock?.MinRetentionDays != wanted.MinRetentionDays || current.Lock?.MaxRetentionDays != wanted.MaxRetentionDays))
                {
                    if (current.Lock?.LockDate is { } lockDate && lockDate <= time.GetUtcNow())
                    {
                        return Items.Failed($"vault {vault.Name} is locked for good since {lockDate:yyyy-MM-dd} with other retention bounds: its lock cannot change");
                    }

                    lockDiffers = true;
                    details.Add(current.Lock is null ? "vault lock missing" : "vault lock differs");
                }

                IReadOnlyDictionary<string, string> actualTags = await tags.ListTagsAsync(actor, current.BackupVaultArn, cancellationToken: cancellationToken).ConfigureAwait(false);
                missingTags = vault.Tags.Where(t => !actualTags.TryGetValue(t.Key, out string? v) || v != t.Value).ToDictionary();
                details.AddRange(missingTags.Select(t => $"tag {t.Key} differs"));
            }
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"vault {vault.Name}: {PolicyText.Reason(e)}");
        }

        if (current is not null && details.Count == 0)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(account.AccountId, actor.Region, LayoutResourceTypes.Vault, vault.Name,
            current is null ? LayoutAction.Create : LayoutAction.Update, current is null ? ["vault missing"] : details);
        return await Items.RunAsync(change, apply, async () =>
        {
            if (current is null)
            {
                current = await vaults.CreateAsync(actor, new CreateBackupVaultRequest(vault.Name, wantedKey, vault.Tags.Count == 0 ? null : vault.Tags.ToDictionary()),
                    cancellationToken).ConfigureAwait(false);
                policyDiffers = policy is not null;
                lockDiffers = vault.Lock is not null;
            }
            else if (missingTags.Count > 0)
            {
                await tags.TagResourceAsync(actor, current.BackupVaultArn, missingTags, cancellationToken).ConfigureAwait(false);
            }

            if (policyDiffers)
            {
                await accessPolicies.PutAsync(actor, vault.Name, policy, cancellationToken).ConfigureAwait(false);
            }

            if (lockDiffers && vault.Lock is { } wantedLock)
            {
                await locks.PutAsync(actor, vault.Name, wantedLock.MinRetentionDays, wantedLock.MaxRetentionDays, wantedLock.ChangeableForDays, cancellationToken)
                    .ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Deletes the vault; one that holds recovery points only with <paramref name="deleteRecoveryPoints"/> (they go first).</summary>
    public async Task<ItemResult> DeleteAsync(CallerIdentity actor, string vaultName, bool deleteRecoveryPoints, bool apply, CancellationToken cancellationToken)
    {
        BackupVaultDetails? current;
        try
        {
            current = await Items.FindAsync(() => vaults.DescribeAsync(actor, vaultName, cancellationToken: cancellationToken), NotFound).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"vault {vaultName}: {PolicyText.Reason(e)}");
        }

        if (current is null)
        {
            return ItemResult.Unchanged;
        }

        long points = current.NumberOfRecoveryPoints;
        if (points > 0 && !deleteRecoveryPoints)
        {
            string reason = $"vault {vaultName} holds {points} recovery points; pass --delete-recovery-points (DeleteRecoveryPoints) to delete them";
            return new ItemResult(new LayoutChange(actor.AccountId, actor.Region, LayoutResourceTypes.Vault, vaultName, LayoutAction.Delete, ["vault holds recovery points"])
            {
                Outcome = apply ? LayoutOutcome.Failed : null,
                Reason = reason,
            }, reason);
        }

        var change = new LayoutChange(actor.AccountId, actor.Region, LayoutResourceTypes.Vault, vaultName, LayoutAction.Delete,
            points > 0 ? [$"delete {points} recovery points, then the vault"] : ["delete vault"]);
        return await Items.RunAsync(change, apply, async () =>
        {
            if (points > 0)
            {
                await DeleteRecoveryPointsAsync(actor, vaultName, cancellationToken).ConfigureAwait(false);
            }

            await vaults.DeleteAsync(actor, vaultName, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task DeleteRecoveryPointsAsync(CallerIdentity actor, string vaultName, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            BackupPage<RecoveryPointDescription> page = await recoveryPoints.ListByVaultAsync(actor, vaultName, nextToken: next, maxResults: 1000,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            arns.AddRange(page.Items.Where(p => p.RecoveryPoint.Status != "DELETING").Select(p => p.RecoveryPoint.RecoveryPointArn));
            next = page.NextToken;
        }
        while (next is not null);
        foreach (string arn in arns)
        {
            await recoveryPoints.DeleteAsync(actor, vaultName, arn, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the vault's key ARN is the wanted key (a key ARN; an alias ARN is compared by its text only).</summary>
    private static bool SameKey(string actual, string wanted) =>
        wanted.Contains(":alias/", StringComparison.Ordinal) || string.Equals(actual, wanted, StringComparison.Ordinal);
}
