using System.Text.Json.Serialization;

namespace Arca.Control.Identity.Internal;

/// <summary>Persisted JSON of the identity collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(AccessKeyRecord))]
internal sealed partial class IdentityJson : JsonSerializerContext;
