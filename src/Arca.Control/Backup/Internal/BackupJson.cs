using System.Text.Json.Serialization;

namespace Arca.Control.Backup.Internal;

/// <summary>Persisted JSON of the Backup collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(PlanVersionDocument))]
[JsonSerializable(typeof(SelectionDocument))]
[JsonSerializable(typeof(ResourceDocument))]
[JsonSerializable(typeof(RegionSettingsDocument))]
[JsonSerializable(typeof(IdempotencyDocument))]
internal sealed partial class BackupJson : JsonSerializerContext;
