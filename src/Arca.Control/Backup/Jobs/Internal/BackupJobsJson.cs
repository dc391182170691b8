using System.Text.Json.Serialization;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>Persisted JSON of job requests and results, and of scheduler marks.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BackupJobSpec))]
[JsonSerializable(typeof(BackupJobResult))]
[JsonSerializable(typeof(RestoreJobSpec))]
[JsonSerializable(typeof(RestoreJobResult))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Domain.Plans.Lifecycle))]
[JsonSerializable(typeof(RecoveryPoints.RecoveryPointCreator))]
[JsonSerializable(typeof(Scheduling.ScheduleMarkDocument))]
internal sealed partial class BackupJobsJson : JsonSerializerContext;
