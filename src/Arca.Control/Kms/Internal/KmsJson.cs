using System.Text.Json.Serialization;

namespace Arca.Control.Kms.Internal;

/// <summary>Persisted JSON of the KMS collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KeyRecord))]
[JsonSerializable(typeof(AliasRecord))]
internal sealed partial class KmsJson : JsonSerializerContext;
