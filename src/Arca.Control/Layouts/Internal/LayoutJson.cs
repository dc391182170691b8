using System.Text.Json.Serialization;

namespace Arca.Control.Layouts.Internal;

/// <summary>Persisted JSON of the <c>layouts</c> collection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LayoutRecord))]
internal sealed partial class LayoutJson : JsonSerializerContext;
