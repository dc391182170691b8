using Arca.Control.Metadata;

namespace Arca.Control.Iam.Internal;

/// <summary>IAM's <c>Marker</c> pagination over signed <see cref="PageTokens"/>.</summary>
internal static class Markers
{
    /// <summary>The last key of the previous page, or null for the first page.</summary>
    public static string? Decode(PageTokens tokens, string scope, string? marker)
    {
        if (marker is null)
        {
            return null;
        }

        if (marker.Length is < 1 or > 320 || !tokens.TryDecode(scope, marker, out string? lastKey))
        {
            throw IamErrors.Validation("The value of 'marker' is not valid for this request: start the listing again without a marker.");
        }

        return lastKey;
    }
}
