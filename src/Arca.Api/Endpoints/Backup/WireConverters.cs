using System.Text.Json;
using System.Text.Json.Serialization;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Writes a plan in AWS wire shape inside a response (<see cref="BackupPlanJson"/>); requests are read with the domain reader for precise errors.</summary>
internal sealed class BackupPlanWireConverter : JsonConverter<BackupPlanInput>
{
    public override BackupPlanInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("plans in requests are read with BackupPlanJson");

    public override void Write(Utf8JsonWriter writer, BackupPlanInput value, JsonSerializerOptions options) => BackupPlanJson.Write(writer, value);
}

/// <summary>Writes a selection in AWS wire shape inside a response (<see cref="BackupSelectionJson"/>).</summary>
internal sealed class BackupSelectionWireConverter : JsonConverter<BackupSelection>
{
    public override BackupSelection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("selections in requests are read with BackupSelectionJson");

    public override void Write(Utf8JsonWriter writer, BackupSelection value, JsonSerializerOptions options) => BackupSelectionJson.Write(writer, value);
}
