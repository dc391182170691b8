using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>The wire JSON of vaults, access policies, vault locks, recovery points and protected resources (restJson1, epoch-second timestamps).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateBackupVaultBody))]
[JsonSerializable(typeof(CreateBackupVaultOutput))]
[JsonSerializable(typeof(BackupVaultOutput))]
[JsonSerializable(typeof(ListBackupVaultsOutput))]
[JsonSerializable(typeof(PutVaultAccessPolicyBody))]
[JsonSerializable(typeof(VaultAccessPolicyOutput))]
[JsonSerializable(typeof(PutVaultLockBody))]
[JsonSerializable(typeof(RecoveryPointOutput))]
[JsonSerializable(typeof(ListRecoveryPointsByVaultOutput))]
[JsonSerializable(typeof(ListRecoveryPointsByResourceOutput))]
[JsonSerializable(typeof(UpdateLifecycleBody))]
[JsonSerializable(typeof(UpdateLifecycleOutput))]
[JsonSerializable(typeof(ProtectedResourceOutput))]
[JsonSerializable(typeof(ListProtectedResourcesOutput))]
internal sealed partial class VaultWireJson : JsonSerializerContext;
