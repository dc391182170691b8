namespace Arca.Api.Endpoints.Backup;

/// <summary>UpdateGlobalSettings' body: the flags to set, each <c>"true"</c> or <c>"false"</c>.</summary>
internal sealed record UpdateGlobalSettingsBody(IReadOnlyDictionary<string, string?>? GlobalSettings);

/// <summary>DescribeGlobalSettings' output; <c>LastUpdateTime</c> (epoch seconds) is absent until the first update.</summary>
internal sealed record DescribeGlobalSettingsOutput(IReadOnlyDictionary<string, string> GlobalSettings, double? LastUpdateTime);
