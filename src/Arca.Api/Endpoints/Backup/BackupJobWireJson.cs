using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>The wire JSON of backup, copy and restore jobs (restJson1): PascalCase members, absent members omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(StartBackupJobBody))]
[JsonSerializable(typeof(StartBackupJobOutput))]
[JsonSerializable(typeof(BackupJobWire))]
[JsonSerializable(typeof(ListBackupJobsOutput))]
[JsonSerializable(typeof(StartRestoreJobBody))]
[JsonSerializable(typeof(StartRestoreJobOutput))]
[JsonSerializable(typeof(RestoreJobWire))]
[JsonSerializable(typeof(ListRestoreJobsOutput))]
[JsonSerializable(typeof(RestoreJobMetadataOutput))]
[JsonSerializable(typeof(RecoveryPointRestoreMetadataOutput))]
[JsonSerializable(typeof(StartCopyJobBody))]
[JsonSerializable(typeof(StartCopyJobOutput))]
[JsonSerializable(typeof(DescribeCopyJobOutput))]
[JsonSerializable(typeof(ListCopyJobsOutput))]
internal sealed partial class BackupJobWireJson : JsonSerializerContext;
