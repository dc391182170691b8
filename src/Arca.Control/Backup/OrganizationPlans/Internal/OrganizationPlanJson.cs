using System.Text.Json.Serialization;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>Persisted JSON of the materializer's global collection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MaterializationRecord))]
internal sealed partial class OrganizationPlanJson : JsonSerializerContext;
