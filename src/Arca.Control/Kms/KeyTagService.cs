using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;

namespace Arca.Control.Kms;

/// <summary>Tags of the caller's keys: TagResource, UntagResource, ListResourceTags (at most 50 tags a key; tags feed <c>aws:ResourceTag/…</c>).</summary>
/// <remarks>Thread-safe. Keys of the caller's account only, as in AWS.</remarks>
public sealed class KeyTagService(RegionSet regions, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    /// <summary>Adds tags, replacing the value of a key already present.</summary>
    public async Task TagResourceAsync(CallerIdentity caller, string? keyId, IReadOnlyList<KmsTag>? tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string keyField = KmsValidation.KeyId(keyId);
        IReadOnlyList<KmsTag> added = tags is null ? throw KmsErrors.Validation("tags", null, string.Empty) : KmsValidation.Tags(tags);
        KeyRecord key = await _keys.FindAsync(caller, keyField, "TagResource", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:TagResource", key, null, cancellationToken).ConfigureAwait(false);
        await _keys.UpdateAsync(key, current =>
        {
            List<KmsTag> merged = [.. current.Tags.Where(t => !added.Any(a => a.TagKey == t.TagKey)), .. added];
            return merged.Count <= KmsValidation.MaxTagsPerKey
                ? current with { Tags = merged }
                : throw KmsErrors.LimitExceeded($"A key can have at most {KmsValidation.MaxTagsPerKey} tags; {current.Arn} would have {merged.Count}.");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the tags with these keys; keys the key does not have are ignored, as in AWS.</summary>
    public async Task UntagResourceAsync(CallerIdentity caller, string? keyId, IReadOnlyList<string>? tagKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string keyField = KmsValidation.KeyId(keyId);
        if (tagKeys is null)
        {
            throw KmsErrors.Validation("tagKeys", null, string.Empty);
        }

        for (int i = 0; i < tagKeys.Count; i++)
        {
            KmsValidation.Length(tagKeys[i], $"tagKeys.{i + 1}.member", 1, 128);
        }

        KeyRecord key = await _keys.FindAsync(caller, keyField, "UntagResource", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:UntagResource", key, null, cancellationToken).ConfigureAwait(false);
        await _keys.UpdateAsync(key, current => current with { Tags = [.. current.Tags.Where(t => !tagKeys.Contains(t.TagKey, StringComparer.Ordinal))] }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The key's tags in the order they were added, one page at a time.</summary>
    public async Task<KmsPage<KmsTag>> ListResourceTagsAsync(CallerIdentity caller, string? keyId, int? limit, string? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int size = KmsValidation.Limit(limit);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "ListResourceTags", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        string scope = $"kms-tags:{key.Arn}";
        string? after = KmsMarkers.Decode(tokens, scope, marker);
        await _access.AuthorizeAsync(caller, "kms:ListResourceTags", key, null, cancellationToken).ConfigureAwait(false);
        int start = after is null ? 0 : key.Tags.ToList().FindIndex(t => t.TagKey == after) + 1;
        return KmsMarkers.Page(tokens, scope, [.. key.Tags.Skip(start).Take(size + 1)], size, t => t.TagKey);
    }
}
