using System.Text.Json.Serialization;

namespace Arca.Control.Jobs.Internal;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(JobRecord))]
internal sealed partial class JobsJson : JsonSerializerContext;
