using System.Text.Encodings.Web;
using System.Text.Json;
using Arca.Control.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Arca.Api.Protocols.RestJson;

/// <summary>
/// A restJson1 service (Backup): operations are chosen by method and path template, with and without the
/// trailing slash; errors carry <c>x-amzn-ErrorType</c> and <c>{"Code","Message","Type"}</c>. The service knows
/// every operation of its model (<see cref="BackupOperations"/>) and implementations are attached by name with
/// <see cref="Map(string, RestJsonHandler)"/> while the server is built.
/// </summary>
/// <remarks>
/// Thread-safe once built. A path no operation matches answers 404 <c>UnknownOperationException</c> naming
/// method and path; a modelled operation without an implementation answers 400
/// <c>UnsupportedOperationException</c> naming the operation.
/// </remarks>
public sealed class RestJsonService : IAwsProtocolEndpoint
{
    private readonly List<Route> _routes;
    private readonly Dictionary<string, RestJsonHandler> _handlers = new(StringComparer.Ordinal);

    /// <param name="service">The SigV4 signing name.</param>
    /// <param name="isRegional">Whether the service is regional.</param>
    /// <param name="displayName">How messages name the service (<c>AWS Backup</c>).</param>
    /// <param name="operations">Every operation of the service's model.</param>
    public RestJsonService(string service, bool isRegional, string displayName, IEnumerable<RestOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Service = service;
        IsRegional = isRegional;
        DisplayName = displayName;
        _routes = [.. operations.Select(o => new Route(o, new RouteTemplate(o.UriTemplate)))];
    }

    public string Service { get; }

    public bool IsRegional { get; }

    public string DisplayName { get; }

    /// <summary>The names of operations that have an implementation.</summary>
    public IReadOnlyCollection<string> ImplementedOperations => _handlers.Keys;

    /// <summary>Attaches the implementation of the modelled operation <paramref name="operationName"/>.</summary>
    /// <exception cref="InvalidOperationException">The operation is not in the model, or is implemented already.</exception>
    public RestJsonService Map(string operationName, RestJsonHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_routes.Any(r => r.Operation.Name == operationName))
        {
            throw new InvalidOperationException($"{DisplayName} has no operation {operationName} in its model; add it with Map(RestOperation, …)");
        }

        return _handlers.TryAdd(operationName, handler) ? this
            : throw new InvalidOperationException($"{DisplayName} operation {operationName} is registered twice");
    }

    /// <summary>Adds an operation that is not in the model (an Arca extension) and its implementation.</summary>
    public RestJsonService Map(RestOperation operation, RestJsonHandler handler)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _routes.Add(new Route(operation, new RouteTemplate(operation.UriTemplate)));
        return Map(operation.Name, handler);
    }

    /// <inheritdoc/>
    public async Task HandleAsync(AwsRequestContext context, HttpContext http, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(http);
        string rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        int q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = q < 0 ? rawTarget : rawTarget[..q];
        Dictionary<string, IReadOnlyList<string>> query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Select(v => v ?? string.Empty)], StringComparer.Ordinal);
        string[] segments = RouteTemplate.Split(rawPath);

        (Route Route, Dictionary<string, string> Labels)? best = null;
        foreach (Route route in _routes.Where(r => string.Equals(r.Operation.Method, http.Request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            if (route.Template.Match(segments, query) is { } labels && (best is null || route.Template.Specificity > best.Value.Route.Template.Specificity))
            {
                best = (route, labels);
            }
        }

        if (best is not { } match)
        {
            throw new AwsServiceException("UnknownOperationException", $"No {DisplayName} operation matches {http.Request.Method} {rawPath}.", 404);
        }

        if (!_handlers.TryGetValue(match.Route.Operation.Name, out RestJsonHandler? handler))
        {
            throw new AwsServiceException("UnsupportedOperationException", $"Arca does not implement the {DisplayName} operation {match.Route.Operation.Name} yet.", 400);
        }

        RestJsonResponse response = await handler(new RestJsonRequest(context, match.Route.Operation, match.Labels, query, http.Request.Headers, body))
            .ConfigureAwait(false);
        http.Response.StatusCode = response.Status ?? match.Route.Operation.SuccessStatus;
        http.Response.Headers["x-amzn-RequestId"] = context.RequestId;
        if (http.Response.StatusCode != 204)
        {
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = response.Json.Length;
            await http.Response.Body.WriteAsync(response.Json, http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task WriteErrorAsync(HttpContext http, AwsError error, string requestId) => WriteError(http, error, requestId);

    /// <summary>The restJson1 error shape; also the edge's shape for requests whose service is unknown.</summary>
    internal static async Task WriteError(HttpContext http, AwsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("Code", error.Code);
            writer.WriteString("Message", error.Message);
            writer.WriteString("Type", error.IsSenderFault ? "User" : "Server");
            writer.WriteEndObject();
        }

        http.Response.StatusCode = error.HttpStatus;
        http.Response.ContentType = "application/json";
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.Headers["x-amzn-ErrorType"] = error.Code;
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Route(RestOperation Operation, RouteTemplate Template);
}
