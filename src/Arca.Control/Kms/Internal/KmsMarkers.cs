using Arca.Control.Metadata;

namespace Arca.Control.Kms.Internal;

/// <summary>KMS's <c>Marker</c> pagination over signed <see cref="PageTokens"/>: a marker is only valid for the listing (scope) that issued it.</summary>
internal static class KmsMarkers
{
    /// <summary>The last key of the previous page, or null for the first page.</summary>
    /// <exception cref="Errors.AwsServiceException">ValidationException for a marker outside the model's constraints; InvalidMarkerException for one this listing did not issue.</exception>
    public static string? Decode(PageTokens tokens, string scope, string? marker)
    {
        if (marker is null)
        {
            return null;
        }

        KmsValidation.Length(marker, "marker", 1, 1024);
        if (!marker.All(c => c is >= '\u0020' and <= '\u00FF'))
        {
            throw KmsErrors.Validation("marker", marker, "Member must satisfy regular expression pattern: [\\u0020-\\u00FF]*");
        }

        return tokens.TryDecode(scope, marker, out string? lastKey) ? lastKey : throw KmsErrors.InvalidMarker();
    }

    /// <summary>
    /// A page of at most <paramref name="limit"/> items from <paramref name="candidates"/>: what a listing of
    /// <c>limit + 1</c> stored documents kept (some may have been filtered out). <paramref name="lastStoredKey"/> is the key of
    /// the last stored document read when the store had more than <paramref name="limit"/>, else null: then more may follow
    /// even if filtering left fewer candidates.
    /// </summary>
    public static KmsPage<T> Page<T>(PageTokens tokens, string scope, IReadOnlyList<T> candidates, int limit, Func<T, string> keyOf, string? lastStoredKey = null)
    {
        if (candidates.Count > limit)
        {
            List<T> page = [.. candidates.Take(limit)];
            return new KmsPage<T>(page, tokens.Encode(scope, keyOf(page[^1])));
        }

        return new KmsPage<T>(candidates, lastStoredKey is null ? null : tokens.Encode(scope, lastStoredKey));
    }
}
