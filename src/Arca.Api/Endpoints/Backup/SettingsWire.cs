namespace Arca.Api.Endpoints.Backup;

/// <summary>UpdateRegionSettings' body and DescribeRegionSettings' output.</summary>
internal sealed record RegionSettingsWire(
    IReadOnlyDictionary<string, bool>? ResourceTypeOptInPreference, IReadOnlyDictionary<string, bool>? ResourceTypeManagementPreference);

/// <summary>The output of GetSupportedResourceTypes.</summary>
internal sealed record SupportedTypesOutput(IReadOnlyList<string> ResourceTypes);

/// <summary>TagResource's body.</summary>
internal sealed record TagResourceBody(Dictionary<string, string>? Tags);

/// <summary>UntagResource's body.</summary>
internal sealed record UntagResourceBody(List<string>? TagKeyList);

/// <summary>The output of ListTags.</summary>
internal sealed record ListTagsOutput(IReadOnlyDictionary<string, string> Tags, string? NextToken);
