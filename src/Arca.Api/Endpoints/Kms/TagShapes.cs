namespace Arca.Api.Endpoints.Kms;

// Wire shapes of the tag operations.

internal sealed record TagResourceInput(string? KeyId, List<WireTag>? Tags);

internal sealed record UntagResourceInput(string? KeyId, List<string>? TagKeys);

internal sealed record ListResourceTagsInput(string? KeyId, int? Limit, string? Marker);

internal sealed record WireTagOutput(string TagKey, string TagValue);

internal sealed record ListResourceTagsOutput(IReadOnlyList<WireTagOutput> Tags, string? NextMarker, bool Truncated);
