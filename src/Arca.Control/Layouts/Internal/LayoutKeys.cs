using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts.Internal;

/// <summary>Brings a KMS key of a layout into one account × region, found by its alias; or removes it (alias deleted, key scheduled for deletion).</summary>
internal sealed class LayoutKeys(KeyService keys, AliasService aliases, KeyPolicyService keyPolicies, KeyTagService tags)
{
    /// <summary>KMS's shortest deletion window: a layout never deletes a key at once.</summary>
    public const int DeletionWindowDays = 7;

    private const string DefaultPolicyName = "default";

    public async Task<ItemResult> ReconcileAsync(
        CallerIdentity actor, LayoutKey key, LayoutContext context, LayoutTarget account, bool apply, CancellationToken cancellationToken)
    {
        string? policy;
        string description;
        try
        {
            policy = key.Policy is null ? null : context.Render(key.Policy, account, actor.Region, json: true);
            description = key.Description is null ? string.Empty : context.Render(key.Description, account, actor.Region, json: false);
        }
        catch (KeyNotFoundException e)
        {
            return Items.Failed($"key {key.AliasName}: {e.Message}");
        }

        KeyMetadata? current;
        var details = new List<string>();
        List<KmsTag> missingTags = [];
        try
        {
            current = await FindAsync(actor, key.AliasName, cancellationToken).ConfigureAwait(false);
            if (current is not null)
            {
                if (current.KeyState == KeyState.PendingDeletion)
                {
                    return new ItemResult(null,
                        $"{key.AliasName} points to key {current.KeyId}, which is pending deletion (on {current.DeletionDate:yyyy-MM-dd}): cancel the deletion or delete the alias")
                    { KeyArn = current.Arn };
                }

                if (current.KeyState == KeyState.Disabled)
                {
                    details.Add("key is disabled");
                }

                if (current.Description != description)
                {
                    details.Add("description differs");
                }

                if (policy is not null && !PolicyText.Same(
                    await keyPolicies.GetKeyPolicyAsync(actor, current.KeyId, DefaultPolicyName, cancellationToken).ConfigureAwait(false), policy))
                {
                    details.Add("key policy differs");
                }

                IReadOnlyList<KmsTag> actual = await TagsAsync(actor, current.KeyId, cancellationToken).ConfigureAwait(false);
                missingTags = [.. key.Tags.Where(t => !actual.Contains(new KmsTag(t.Key, t.Value))).Select(t => new KmsTag(t.Key, t.Value))];
                details.AddRange(missingTags.Select(t => $"tag {t.TagKey} differs"));
            }
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"key {key.AliasName}: {PolicyText.Reason(e)}");
        }

        if (current is not null && details.Count == 0)
        {
            return ItemResult.Unchanged with { KeyArn = current.Arn };
        }

        var change = new LayoutChange(account.AccountId, actor.Region, LayoutResourceTypes.Key, key.AliasName,
            current is null ? LayoutAction.Create : LayoutAction.Update, current is null ? ["key missing"] : details);
        string? arn = current?.Arn;
        ItemResult result = await Items.RunAsync(change, apply, async () =>
        {
            if (current is null)
            {
                KeyMetadata created = await keys.CreateKeyAsync(actor, new CreateKeyRequest
                {
                    Policy = policy,
                    Description = description,
                    Tags = [.. key.Tags.Select(t => new KmsTag(t.Key, t.Value))],
                }, cancellationToken).ConfigureAwait(false);
                arn = created.Arn;
                await aliases.CreateAliasAsync(actor, key.AliasName, created.KeyId, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (current.KeyState == KeyState.Disabled)
            {
                await keys.EnableKeyAsync(actor, current.KeyId, cancellationToken).ConfigureAwait(false);
            }

            if (details.Contains("description differs"))
            {
                await keys.UpdateKeyDescriptionAsync(actor, current.KeyId, description, cancellationToken).ConfigureAwait(false);
            }

            if (details.Contains("key policy differs"))
            {
                await keyPolicies.PutKeyPolicyAsync(actor, current.KeyId, DefaultPolicyName, policy, false, cancellationToken).ConfigureAwait(false);
            }

            if (missingTags.Count > 0)
            {
                await tags.TagResourceAsync(actor, current.KeyId, missingTags, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return result with { KeyArn = arn };
    }

    /// <summary>Deletes the alias and schedules its key's deletion (7 days).</summary>
    public async Task<ItemResult> DeleteAsync(CallerIdentity actor, string aliasName, bool apply, CancellationToken cancellationToken)
    {
        KeyMetadata? current;
        try
        {
            current = await FindAsync(actor, aliasName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"key {aliasName}: {PolicyText.Reason(e)}");
        }

        if (current is null)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(actor.AccountId, actor.Region, LayoutResourceTypes.Key, aliasName, LayoutAction.Delete,
            [current.KeyState == KeyState.PendingDeletion ? "delete alias (the key is pending deletion already)" : $"delete alias, schedule the key's deletion in {DeletionWindowDays} days"]);
        return await Items.RunAsync(change, apply, async () =>
        {
            await aliases.DeleteAliasAsync(actor, aliasName, cancellationToken).ConfigureAwait(false);
            if (current.KeyState != KeyState.PendingDeletion)
            {
                await keys.ScheduleKeyDeletionAsync(actor, current.KeyId, DeletionWindowDays, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The key the alias points to in the actor's account and region, or null when there is no such alias.</summary>
    private async Task<KeyMetadata?> FindAsync(CallerIdentity actor, string aliasName, CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            KmsPage<KmsAlias> page = await aliases.ListAliasesAsync(actor, null, 100, marker, cancellationToken).ConfigureAwait(false);
            if (page.Items.FirstOrDefault(a => a.AliasName == aliasName) is { } alias)
            {
                return alias.TargetKeyId is null ? null : await keys.DescribeKeyAsync(actor, alias.TargetKeyId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            marker = page.NextMarker;
        }
        while (marker is not null);
        return null;
    }

    private async Task<IReadOnlyList<KmsTag>> TagsAsync(CallerIdentity actor, string keyId, CancellationToken cancellationToken)
    {
        var all = new List<KmsTag>();
        string? marker = null;
        do
        {
            KmsPage<KmsTag> page = await tags.ListResourceTagsAsync(actor, keyId, 50, marker, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }
}
