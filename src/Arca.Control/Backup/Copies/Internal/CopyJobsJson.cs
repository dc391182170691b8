using System.Text.Json;
using System.Text.Json.Serialization;
using Arca.Control.Jobs;

namespace Arca.Control.Backup.Copies.Internal;

/// <summary>Persisted JSON of copy job requests and results.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CopyJobSpec))]
[JsonSerializable(typeof(CopyJobResult))]
[JsonSerializable(typeof(Domain.Plans.Lifecycle))]
internal sealed partial class CopyJobsJson : JsonSerializerContext
{
    public static JsonElement ToElement(CopyJobSpec spec) => JsonSerializer.SerializeToElement(spec, Default.CopyJobSpec);

    public static JsonElement ToElement(CopyJobResult result) => JsonSerializer.SerializeToElement(result, Default.CopyJobResult);

    public static CopyJobSpec SpecOf(JobRecord job) =>
        job.Spec.Deserialize(Default.CopyJobSpec) ?? throw new InvalidDataException($"copy job {job.JobId} has no request");

    public static CopyJobResult ResultOf(JobRecord job) =>
        job.Result is { ValueKind: JsonValueKind.Object } result ? result.Deserialize(Default.CopyJobResult) ?? new() : new();
}
