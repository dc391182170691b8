using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>The wire JSON of Backup's global settings (restJson1): PascalCase members, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpdateGlobalSettingsBody))]
[JsonSerializable(typeof(DescribeGlobalSettingsOutput))]
internal sealed partial class GlobalSettingsJson : JsonSerializerContext;
