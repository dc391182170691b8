using System.Text.Json;
using System.Text.Json.Serialization;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Control.Backup.Internal;

/// <summary>Persists a selection in its AWS wire shape (<see cref="BackupSelectionJson"/>).</summary>
internal sealed class BackupSelectionConverter : JsonConverter<BackupSelection>
{
    public override BackupSelection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return BackupSelectionJson.TryRead(document.RootElement, out BackupSelection? selection, out BackupPlanError? error)
            ? selection
            : throw new JsonException($"stored backup selection is malformed: {error.Message}");
    }

    public override void Write(Utf8JsonWriter writer, BackupSelection value, JsonSerializerOptions options) => BackupSelectionJson.Write(writer, value);
}
