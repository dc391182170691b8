using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Arca.Control.Errors;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Protocols.AwsJson;

/// <summary>
/// An awsJson1.1 service (Organizations, KMS): <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c> and a
/// JSON body; errors are <c>{"__type": code, "message"|"Message": text}</c> plus <c>x-amzn-ErrorType</c>.
/// Register operations with <see cref="Map"/> while the server is built.
/// </summary>
/// <remarks>
/// Thread-safe once built. A target with another prefix answers <c>UnknownOperationException</c>; a known
/// prefix with an unregistered operation answers <c>UnsupportedOperationException</c> naming it (both 400).
/// </remarks>
/// <param name="service">The SigV4 signing name.</param>
/// <param name="targetPrefix">The <c>X-Amz-Target</c> prefix (<c>TrentService</c>, <c>AWSOrganizationsV20161128</c>).</param>
/// <param name="isRegional">Whether the service is regional (KMS) or global (Organizations).</param>
/// <param name="messageMember">The error message member: <c>message</c> for KMS, <c>Message</c> for Organizations.</param>
public sealed class AwsJsonService(string service, string targetPrefix, bool isRegional, string messageMember) : IAwsProtocolEndpoint
{
    private const string ContentType = "application/x-amz-json-1.1";
    private readonly Dictionary<string, AwsJsonHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AwsJsonHandler> _extensions = new(StringComparer.Ordinal);

    public string Service { get; } = service;

    public bool IsRegional { get; } = isRegional;

    public string TargetPrefix { get; } = targetPrefix;

    /// <summary>The registered operations.</summary>
    public IReadOnlyCollection<string> Operations => _handlers.Keys;

    /// <summary>Registers the handler of <paramref name="operation"/> (without the prefix).</summary>
    /// <exception cref="InvalidOperationException">The operation is registered already.</exception>
    public AwsJsonService Map(string operation, AwsJsonHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(operation, handler))
        {
            throw new InvalidOperationException($"{TargetPrefix}.{operation} is registered twice");
        }

        return this;
    }

    /// <summary>The registered Arca extensions, as full targets (<c>ArcaOrganizations.DescribeEffectivePolicyProvenance</c>).</summary>
    public IReadOnlyCollection<string> ExtensionTargets => _extensions.Keys;

    /// <summary>
    /// Registers an Arca extension: an operation AWS's model does not have, under its own target prefix (e.g.
    /// <c>ArcaOrganizations</c>), so it can never collide with one AWS adds later. It is served on this service's endpoint,
    /// with its signing name, its errors and its authentication.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target is registered already, or uses this service's own prefix.</exception>
    public AwsJsonService MapExtension<TIn, TOut>(
        string targetPrefix, string operation, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<AwsRequestContext, TIn, Task<TOut>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetPrefix);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handler);
        if (targetPrefix == TargetPrefix || !_extensions.TryAdd($"{targetPrefix}.{operation}", async request =>
            AwsJsonResponse.From(await handler(request.Context, request.Read(input)).ConfigureAwait(false), output)))
        {
            throw new InvalidOperationException($"{targetPrefix}.{operation} cannot be registered as an extension of {TargetPrefix}");
        }

        return this;
    }

    /// <summary>Registers a typed operation: the body is read as <typeparamref name="TIn"/>, the result written as <typeparamref name="TOut"/>.</summary>
    public AwsJsonService Map<TIn, TOut>(
        string operation, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<AwsRequestContext, TIn, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(operation, async request =>
            AwsJsonResponse.From(await handler(request.Context, request.Read(input)).ConfigureAwait(false), output));
    }

    /// <inheritdoc/>
    public async Task HandleAsync(AwsRequestContext context, HttpContext http, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(http);
        string target = http.Request.Headers["X-Amz-Target"].ToString();
        int dot = target.LastIndexOf('.');
        if (_extensions.TryGetValue(target, out AwsJsonHandler? extension))
        {
            await WriteAsync(http, context, await extension(new AwsJsonRequest(context, target[(dot + 1)..], body)).ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        if (target.Length == 0 || dot <= 0 || target[..dot] != TargetPrefix)
        {
            throw new AwsServiceException("UnknownOperationException",
                target.Length == 0 ? $"Missing X-Amz-Target: {Service} operations are named {TargetPrefix}.OperationName."
                    : $"Unknown operation {target}: {Service} operations are named {TargetPrefix}.OperationName.", 400);
        }

        string operation = target[(dot + 1)..];
        if (!_handlers.TryGetValue(operation, out AwsJsonHandler? handler))
        {
            throw new AwsServiceException("UnsupportedOperationException", $"Arca does not implement the operation {target} yet.", 400);
        }

        await WriteAsync(http, context, await handler(new AwsJsonRequest(context, operation, body)).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext http, AwsRequestContext context, AwsJsonResponse response)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = ContentType;
        http.Response.Headers["x-amzn-RequestId"] = context.RequestId;
        http.Response.ContentLength = response.Json.Length;
        await http.Response.Body.WriteAsync(response.Json, http.RequestAborted).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task WriteErrorAsync(HttpContext http, AwsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.Code);
            writer.WriteString(messageMember, error.Message);
            writer.WriteEndObject();
        }

        http.Response.StatusCode = error.HttpStatus;
        http.Response.ContentType = ContentType;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.Headers["x-amzn-ErrorType"] = error.Code;
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }
}
