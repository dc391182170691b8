using System.Text.Json.Serialization;
using Arca.Control.Backup.RecoveryPoints.Internal;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>Persisted JSON of the vault and recovery point collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VaultDocument))]
[JsonSerializable(typeof(VaultEngineDocument))]
[JsonSerializable(typeof(RecoveryPointDocument))]
[JsonSerializable(typeof(RecoveryPointIdDocument))]
[JsonSerializable(typeof(ProtectedResourceDocument))]
internal sealed partial class VaultJson : JsonSerializerContext;
