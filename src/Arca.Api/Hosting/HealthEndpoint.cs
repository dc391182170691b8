using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Hosting;

/// <summary><c>GET /health</c>: <c>{"status":"ok"}</c>, without authentication (load balancers, scripts waiting for start-up).</summary>
internal static class HealthEndpoint
{
    public static bool Matches(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals("/health", StringComparison.Ordinal);

    public static async Task WriteAsync(HttpContext http)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new HealthStatus("ok"), HostingJson.Default.HealthStatus);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }
}
