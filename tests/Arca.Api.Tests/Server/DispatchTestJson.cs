using System.Text.Json.Serialization;

namespace Arca.Api.Tests.Server;

/// <summary>A typed awsJson input for the dispatch tests.</summary>
public sealed record KeyInput(string? Description);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeyInput))]
internal sealed partial class DispatchTestJson : JsonSerializerContext;
