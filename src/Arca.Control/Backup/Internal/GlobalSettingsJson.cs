using System.Text.Json.Serialization;

namespace Arca.Control.Backup.Internal;

/// <summary>Persisted JSON of Backup's global settings.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GlobalSettingsRecord))]
internal sealed partial class GlobalSettingsJson : JsonSerializerContext;
