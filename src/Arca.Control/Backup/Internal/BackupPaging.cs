using Arca.Control.Metadata;

namespace Arca.Control.Backup.Internal;

/// <summary>Backup's <c>NextToken</c>/<c>MaxResults</c> pagination (1–1000) over signed <see cref="PageTokens"/>.</summary>
internal static class BackupPaging
{
    public const int MaxResults = 1000;

    /// <summary>The page size: <paramref name="maxResults"/>, or 1000 when absent.</summary>
    public static int Limit(int? maxResults) =>
        maxResults switch
        {
            null => MaxResults,
            >= 1 and <= MaxResults => maxResults.Value,
            _ => throw BackupErrors.InvalidParameterValue($"MaxResults: {maxResults} must be between 1 and {MaxResults}"),
        };

    /// <summary>The last key of the previous page, or null for the first page.</summary>
    public static string? After(PageTokens tokens, string scope, string? nextToken)
    {
        if (string.IsNullOrEmpty(nextToken))
        {
            return null;
        }

        return tokens.TryDecode(scope, nextToken, out string? lastKey)
            ? lastKey
            : throw BackupErrors.InvalidParameterValue("NextToken: the token is not valid for this request; start the listing again without it");
    }

    /// <summary>Cuts <paramref name="items"/> (read with limit + 1) to a page and makes the token of the next one.</summary>
    public static BackupPage<TOut> Page<TIn, TOut>(
        IReadOnlyList<TIn> items, int limit, PageTokens tokens, string scope, Func<TIn, string> key, Func<TIn, TOut> map)
    {
        bool more = items.Count > limit;
        IEnumerable<TIn> page = more ? items.Take(limit) : items;
        return new BackupPage<TOut>([.. page.Select(map)], more ? tokens.Encode(scope, key(items[limit - 1])) : null);
    }
}
