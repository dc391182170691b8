using System.Text.Json.Serialization;

namespace Arca.Control.Iam.Internal;

/// <summary>Persisted JSON of the IAM collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(RolePolicy))]
internal sealed partial class IamJson : JsonSerializerContext;
