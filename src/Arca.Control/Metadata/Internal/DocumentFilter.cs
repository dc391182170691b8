namespace Arca.Control.Metadata.Internal;

/// <summary>The in-memory meaning of a <see cref="DocumentQuery"/>, shared by stores that filter in process.</summary>
internal static class DocumentFilter
{
    public static bool Matches(DocumentQuery query, StoredDocument doc)
    {
        KeyOrder order = KeyOrder.Instance;
        return (query.KeyPrefix is null || doc.Key.StartsWith(query.KeyPrefix, StringComparison.Ordinal))
            && (query.AfterKey is null || order.Compare(doc.Key, query.AfterKey) > 0)
            && (query.I1 is null || string.Equals(doc.Index.I1, query.I1, StringComparison.Ordinal))
            && (query.I2 is null || string.Equals(doc.Index.I2, query.I2, StringComparison.Ordinal))
            && (query.I3 is null || string.Equals(doc.Index.I3, query.I3, StringComparison.Ordinal))
            && (query.I3From is null || (doc.Index.I3 is { } from && order.Compare(from, query.I3From) >= 0))
            && (query.I3To is null || (doc.Index.I3 is { } to && order.Compare(to, query.I3To) < 0));
    }

    public static void Validate(string collection, DocumentQuery query)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit, nameof(query));
    }
}
