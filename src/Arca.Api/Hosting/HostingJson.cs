using System.Text.Json.Serialization;

namespace Arca.Api.Hosting;

/// <summary>JSON of the server's own (non-AWS) endpoints.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class HostingJson : JsonSerializerContext;
