using System.Text;
using System.Xml;
using System.Xml.Linq;
using Arca.Control.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Arca.Api.Protocols.Query;

/// <summary>
/// An awsQuery service (STS, IAM): the action comes from the <c>Action</c> parameter of the form body (or the
/// query string), responses are <c>&lt;ActionResponse xmlns=…&gt;&lt;ActionResult&gt;…</c> XML, errors are
/// <c>&lt;ErrorResponse&gt;</c>. Register operations with <see cref="Map"/> while the server is built.
/// </summary>
/// <remarks>Thread-safe once built. Unknown and unregistered actions answer <c>InvalidAction</c> (400) naming the action.</remarks>
public sealed class AwsQueryService(string service, string xmlNamespace, string version, string displayName) : IAwsProtocolEndpoint
{
    private readonly Dictionary<string, AwsQueryHandler> _handlers = new(StringComparer.Ordinal);

    public string Service { get; } = service;

    public bool IsRegional => false;

    /// <summary>The XML namespace of responses and errors.</summary>
    public XNamespace Namespace { get; } = xmlNamespace;

    /// <summary>The API version (<c>2011-06-15</c>, <c>2010-05-08</c>).</summary>
    public string Version { get; } = version;

    /// <summary>The registered actions.</summary>
    public IReadOnlyCollection<string> Actions => _handlers.Keys;

    /// <summary>Registers the handler of <paramref name="action"/>.</summary>
    /// <exception cref="InvalidOperationException">The action is registered already.</exception>
    public AwsQueryService Map(string action, AwsQueryHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(action, handler))
        {
            throw new InvalidOperationException($"{Service} action {action} is registered twice");
        }

        return this;
    }

    /// <inheritdoc/>
    public async Task HandleAsync(AwsRequestContext context, HttpContext http, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(http);
        QueryParameters parameters = Parse(http, body);
        string action = parameters.Get("Action") ?? throw new AwsServiceException("MissingAction", "The request must contain the parameter Action.", 400);
        string? version = parameters.Get("Version");
        if (version != Version)
        {
            // AWS's answer for a missing or foreign API version; the SDKs and CLIs always send the service's own.
            string named = version is null ? "NO_VERSION_SPECIFIED" : version.Length > 32 ? version[..32] + "…" : version;
            throw new AwsServiceException("InvalidAction", $"Could not find operation {XmlText.Safe(Cut(action))} for version {XmlText.Safe(named)} (this {displayName} speaks version {Version}).", 400);
        }

        if (!_handlers.TryGetValue(action, out AwsQueryHandler? handler))
        {
            throw new AwsServiceException("InvalidAction", $"Could not find operation {XmlText.Safe(action)} for version {Version}: Arca does not implement this {displayName} action.", 400);
        }

        IReadOnlyList<XElement>? result = await handler(new AwsQueryRequest(context, action, parameters)).ConfigureAwait(false);
        var response = new XElement(action + "Response");
        if (result is not null)
        {
            response.Add(new XElement(action + "Result", result));
        }

        response.Add(new XElement("ResponseMetadata", new XElement("RequestId", context.RequestId)));
        await WriteXmlAsync(http, 200, response, context.RequestId).ConfigureAwait(false);
    }

    private static string Cut(string text) => text.Length > 64 ? text[..64] + "…" : text;

    /// <inheritdoc/>
    public Task WriteErrorAsync(HttpContext http, AwsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        var document = new XElement("ErrorResponse",
            new XElement("Error",
                new XElement("Type", error.IsSenderFault ? "Sender" : "Receiver"),
                new XElement("Code", error.Code),
                new XElement("Message", XmlText.Safe(error.Message))),
            new XElement("RequestId", requestId));
        return WriteXmlAsync(http, error.HttpStatus, document, requestId);
    }

    private static QueryParameters Parse(HttpContext http, ReadOnlyMemory<byte> body)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach ((string key, StringValues value) in QueryHelpers.ParseQuery(http.Request.QueryString.Value))
        {
            if (!key.StartsWith("X-Amz-", StringComparison.Ordinal))
            {
                values[key] = value;
            }
        }

        if (!body.IsEmpty)
        {
            foreach ((string key, StringValues value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span)))
            {
                values[key] = value;
            }
        }

        return new QueryParameters(values);
    }

    private async Task WriteXmlAsync(HttpContext http, int status, XElement root, string requestId)
    {
        foreach (XElement element in root.DescendantsAndSelf())
        {
            element.Name = Namespace + element.Name.LocalName;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "text/xml";
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            root.WriteTo(writer);
        }

        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }
}
