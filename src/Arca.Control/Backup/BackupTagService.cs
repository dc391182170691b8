using Arca.Control.Backup.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup;

/// <summary>
/// TagResource, UntagResource and ListTags for every taggable Backup resource, dispatched by the ARN's kind to an
/// <see cref="IBackupTagTarget"/>. Tags: keys 1–128 characters, not <c>aws:</c>; values up to 256; at most 50 per
/// resource (LimitExceededException). Another account's resource is denied by the authorizer; a resource of another
/// region is not found here (the request must go to its region).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class BackupTagService
{
    private readonly RegionSet _regions;
    private readonly Authorizer _authorizer;
    private readonly Dictionary<ArnKind, IBackupTagTarget> _targets;

    public BackupTagService(RegionSet regions, Authorizer authorizer, IEnumerable<IBackupTagTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _regions = regions;
        _authorizer = authorizer;
        _targets = targets.ToDictionary(t => t.Kind);
    }

    /// <summary>Adds or replaces the given tags; others stay.</summary>
    public async Task TagResourceAsync(CallerIdentity caller, string? resourceArn, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyDictionary<string, string> added = TagRules.Validate(tags ?? throw BackupErrors.Missing("Tags"), "Tags");
        await ChangeAsync(caller, "backup:TagResource", resourceArn, current =>
        {
            var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
            foreach ((string key, string value) in added)
            {
                merged[key] = value;
            }

            TagRules.CheckCount(merged.Count, "Tags");
            return merged;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the given keys; keys the resource does not have are ignored.</summary>
    public async Task UntagResourceAsync(CallerIdentity caller, string? resourceArn, IReadOnlyList<string>? tagKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyList<string> keys = tagKeys ?? throw BackupErrors.Missing("TagKeyList");
        if (keys.Any(string.IsNullOrEmpty))
        {
            throw BackupErrors.InvalidParameterValue("TagKeyList: a tag key must not be empty");
        }

        await ChangeAsync(caller, "backup:UntagResource", resourceArn, current =>
            current.Where(t => !keys.Contains(t.Key, StringComparer.Ordinal)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every tag of the resource (at most 50, so one page; the page arguments are validated and otherwise ignored).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(
        CallerIdentity caller, string? resourceArn, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        BackupPaging.Limit(maxResults);
        (Arn arn, IBackupTagTarget target) = await ResolveAsync(caller, "backup:ListTags", resourceArn, cancellationToken).ConfigureAwait(false);
        return await _regions.Get(caller.Region).Store.TransactAsync(
            async tx => await target.GetTagsAsync(tx, caller.AccountId, arn).ConfigureAwait(false) ?? throw NotFound(caller, arn),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ChangeAsync(
        CallerIdentity caller, string action, string? resourceArn, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> change, CancellationToken cancellationToken)
    {
        (Arn arn, IBackupTagTarget target) = await ResolveAsync(caller, action, resourceArn, cancellationToken).ConfigureAwait(false);
        await _regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            IReadOnlyDictionary<string, string> current = await target.GetTagsAsync(tx, caller.AccountId, arn).ConfigureAwait(false) ?? throw NotFound(caller, arn);
            await target.SetTagsAsync(tx, caller.AccountId, arn, change(current)).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Arn Arn, IBackupTagTarget Target)> ResolveAsync(CallerIdentity caller, string action, string? resourceArn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(resourceArn))
        {
            throw BackupErrors.Missing("ResourceArn");
        }

        if (!Arn.TryParse(resourceArn, out Arn? arn, out string? reason))
        {
            throw BackupErrors.InvalidParameterValue($"ResourceArn: {reason}");
        }

        if (!_targets.TryGetValue(arn.Kind, out IBackupTagTarget? target))
        {
            throw arn.Kind is ArnKind.BackupVault or ArnKind.RecoveryPoint
                ? NotFound(caller, arn)
                : BackupErrors.InvalidParameterValue($"ResourceArn: {arn} cannot be tagged here; Backup tags backup plans, vaults, recovery points and Arca resources");
        }

        NamedPolicy? policy = arn.Account == caller.AccountId && arn.Region == caller.Region
            ? await _regions.Get(caller.Region).Store.TransactAsync(tx => target.GetResourcePolicyAsync(tx, caller.AccountId, arn), cancellationToken).ConfigureAwait(false)
            : null;
        await _authorizer.AuthorizeAsync(caller, action, arn.ToString(), arn.Account, policy, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (arn.Region != caller.Region)
        {
            throw BackupErrors.ResourceNotFound($"{arn} is in region {arn.Region}; send the request to that region (this one was signed for {caller.Region})");
        }

        return (arn, target);
    }

    private static Errors.AwsServiceException NotFound(CallerIdentity caller, Arn arn) =>
        BackupErrors.ResourceNotFound($"{arn} not found in account {caller.AccountId} and region {caller.Region}");
}
