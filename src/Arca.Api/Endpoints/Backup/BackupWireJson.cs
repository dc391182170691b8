using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>The Backup service's wire JSON (restJson1): PascalCase members, absent members omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter), typeof(BackupPlanWireConverter), typeof(BackupSelectionWireConverter)])]
[JsonSerializable(typeof(CreateBackupPlanBody))]
[JsonSerializable(typeof(UpdateBackupPlanBody))]
[JsonSerializable(typeof(PlanFromJsonBody))]
[JsonSerializable(typeof(PlanVersionOutput))]
[JsonSerializable(typeof(DeletePlanOutput))]
[JsonSerializable(typeof(GetPlanOutput))]
[JsonSerializable(typeof(ListPlansOutput))]
[JsonSerializable(typeof(ListPlanVersionsOutput))]
[JsonSerializable(typeof(PlanFromJsonOutput))]
[JsonSerializable(typeof(ExportTemplateOutput))]
[JsonSerializable(typeof(CreateSelectionBody))]
[JsonSerializable(typeof(CreateSelectionOutput))]
[JsonSerializable(typeof(GetSelectionOutput))]
[JsonSerializable(typeof(ListSelectionsOutput))]
[JsonSerializable(typeof(RegionSettingsWire))]
[JsonSerializable(typeof(SupportedTypesOutput))]
[JsonSerializable(typeof(TagResourceBody))]
[JsonSerializable(typeof(UntagResourceBody))]
[JsonSerializable(typeof(ListTagsOutput))]
[JsonSerializable(typeof(RegisterResourceBody))]
[JsonSerializable(typeof(ResourceOutput))]
[JsonSerializable(typeof(ListResourcesOutput))]
internal sealed partial class BackupWireJson : JsonSerializerContext;
