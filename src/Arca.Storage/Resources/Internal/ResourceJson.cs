using System.Text.Json.Serialization;

namespace Arca.Storage.Resources.Internal;

/// <summary>Source-generated JSON for <see cref="ResourceInfo"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ResourceInfo))]
internal sealed partial class ResourceJson : JsonSerializerContext;
