using System.Text.Json.Serialization;

namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted JSON of the policy collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PolicyRecord))]
[JsonSerializable(typeof(PolicyAttachmentRecord))]
[JsonSerializable(typeof(BackupPolicyChangeRecord))]
internal sealed partial class PolicyJson : JsonSerializerContext;
