using System.Text.Json;
using System.Text.Json.Serialization;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Internal;

/// <summary>Persists a plan in its AWS wire shape (<see cref="BackupPlanJson"/>), so stored plans read like API bodies.</summary>
internal sealed class BackupPlanInputConverter : JsonConverter<BackupPlanInput>
{
    public override BackupPlanInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return BackupPlanJson.TryRead(document.RootElement, out BackupPlanInput? plan, out BackupPlanError? error)
            ? plan
            : throw new JsonException($"stored backup plan is malformed: {error.Message}");
    }

    public override void Write(Utf8JsonWriter writer, BackupPlanInput value, JsonSerializerOptions options) => BackupPlanJson.Write(writer, value);
}
