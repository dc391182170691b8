namespace Arca.Control.Kms;

/// <summary>One page of a KMS listing (<c>Limit</c>/<c>Marker</c> pagination).</summary>
/// <param name="Items">The page, in listing order.</param>
/// <param name="NextMarker">The marker of the next page; null on the last page.</param>
public sealed record KmsPage<T>(IReadOnlyList<T> Items, string? NextMarker)
{
    /// <summary>True when more pages follow (KMS's <c>Truncated</c>).</summary>
    public bool Truncated => NextMarker is not null;
}
