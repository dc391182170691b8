namespace Arca.Domain.Selections;

/// <summary>A resource of the account's inventory as <see cref="SelectionMatcher"/> sees it. Immutable.</summary>
/// <param name="Arn">The resource's ARN.</param>
/// <param name="ResourceType">Its type (<c>Directory</c>, <c>SQLite</c>, <c>PostgreSQL</c>).</param>
/// <param name="Tags">Its tags (case-sensitive keys and values).</param>
/// <param name="OptedIn">Whether the account opted in to the resource type in the region (DescribeRegionSettings).</param>
public sealed record SelectionCandidate(string Arn, string ResourceType, IReadOnlyDictionary<string, string> Tags, bool OptedIn);
