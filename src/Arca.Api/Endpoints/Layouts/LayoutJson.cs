using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Layouts;

/// <summary>The wire JSON of Arca's <c>ArcaLayouts</c> extension (awsJson1.1 style: nulls left out, epoch seconds).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LayoutInput))]
[JsonSerializable(typeof(LayoutNameInput))]
[JsonSerializable(typeof(ListLayoutsInput))]
[JsonSerializable(typeof(DestroyLayoutInput))]
[JsonSerializable(typeof(LayoutReportOutput))]
[JsonSerializable(typeof(ListLayoutsOutput))]
internal sealed partial class LayoutJson : JsonSerializerContext;
