namespace Arca.Api.Hosting;

/// <summary>The body of <c>GET /health</c>.</summary>
internal sealed record HealthStatus(string Status);
