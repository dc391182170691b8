using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>Organizations' <c>NextToken</c>/<c>MaxResults</c> pagination over signed <see cref="PageTokens"/>.</summary>
internal static class Paging
{
    /// <summary>The model's maximum of MaxResults, also the page size when it is omitted.</summary>
    public const int MaxResults = 20;

    /// <summary>The page size: 1 to 20, default 20.</summary>
    public static int Limit(int? maxResults) => maxResults switch
    {
        null => MaxResults,
        >= 1 and <= MaxResults => maxResults.Value,
        _ => throw OrganizationErrors.InvalidInput($"MaxResults {maxResults} is invalid: it must be between 1 and {MaxResults}."),
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
            : throw OrganizationErrors.InvalidInput("The NextToken is not valid for this request: start the listing again without it (INVALID_NEXT_TOKEN).");
    }

    /// <summary>The first <paramref name="limit"/> of <paramref name="fetched"/> (fetched with one more), and a token when there is more.</summary>
    public static OrganizationPage<TOut> Page<TIn, TOut>(
        IReadOnlyList<TIn> fetched, int limit, Func<TIn, string> keyOf, Func<TIn, TOut> map, PageTokens tokens, string scope)
    {
        bool more = fetched.Count > limit;
        IReadOnlyList<TIn> page = more ? [.. fetched.Take(limit)] : fetched;
        return new OrganizationPage<TOut>([.. page.Select(map)], more ? tokens.Encode(scope, keyOf(page[^1])) : null);
    }
}
