using Arca.Api.Auth;
using Arca.Api.Hosting;
using Arca.Api.Protocols;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arca.Api.Edge;

/// <summary>
/// Every AWS request (docs/design/server.md §5): read the body (capped), verify SigV4 against the access-key
/// table, refuse regions a regional service does not serve, resolve the caller, dispatch by the scope's service,
/// and render every failure in that service's protocol. Unexpected exceptions become a 500
/// <c>InternalFailure</c> whose body says nothing more; the log gets the exception, never a secret.
/// </summary>
/// <remarks>Thread-safe singleton.</remarks>
internal sealed partial class AwsEdge(
    AwsProtocols protocols,
    SigV4Verifier verifier,
    CredentialStore credentials,
    CallerResolver callers,
    TimeProvider time,
    IOptions<ArcaServerOptions> options,
    ILogger<AwsEdge> logger)
{
    private readonly HashSet<string> _regions = new(options.Value.Regions, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        string requestId = Guid.NewGuid().ToString();
        string rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        IAwsProtocolEndpoint? endpoint = null;
        try
        {
            string? claimed = HttpSigV4.ClaimedService(http.Request, rawTarget);
            endpoint = claimed is null ? Guess(http.Request) : protocols.Find(claimed);
            if (endpoint is null)
            {
                throw new AwsServiceException("UnknownServiceException", $"Arca does not serve the service '{claimed}' (it serves {string.Join(", ", Served)}).", 400);
            }

            ReadOnlyMemory<byte> body = await RequestBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
            ResolvedCredential? found = null;
            SigV4VerificationResult result = await verifier.VerifyAsync(
                HttpSigV4.ToRequest(http.Request, rawTarget, body),
                time.GetUtcNow(),
                async (keyId, ct) =>
                {
                    found = await credentials.FindAsync(keyId, ct).ConfigureAwait(false);
                    return found is null ? null : new SigV4SecretCredential(found.SecretAccessKey, found.SessionToken, found.ExpiresAt);
                },
                http.RequestAborted).ConfigureAwait(false);
            if (!result.IsAuthenticated)
            {
                LogRefused(logger, http.Request.Method, rawTarget.Split('?')[0], result.Failure.Reason, result.Failure.Message);
                SigV4Error error = result.Failure.ToError(SigV4ServiceProfile.ForService(endpoint.Service).Dialect);
                await endpoint.WriteErrorAsync(http, new AwsError(error.Code, error.Message, error.HttpStatus), requestId).ConfigureAwait(false);
                return;
            }

            SigV4Identity identity = result.Identity;
            if (endpoint.IsRegional && !_regions.Contains(identity.Region))
            {
                throw new AwsServiceException("UnrecognizedClientException",
                    $"The region {identity.Region} is not served by this Arca (it serves {string.Join(", ", _regions.Order(StringComparer.Ordinal))}).", 400);
            }

            CallerIdentity caller = await callers.ResolveAsync(found!, identity.Region, http.RequestAborted).ConfigureAwait(false);
            var context = new AwsRequestContext(caller, identity.Service, identity.Region, requestId, http.RequestServices, http.RequestAborted);
            await endpoint.HandleAsync(context, http, body).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!http.Response.HasStarted)
        {
            LogAwsError(logger, e.Code, e.HttpStatus, http.Request.Method, rawTarget.Split('?')[0]);
            await WriteErrorAsync(http, endpoint, new AwsError(e.Code, e.Message, e.HttpStatus), requestId).ConfigureAwait(false);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancellation, or a connection reset while its body was read); nothing to answer.
            LogClientGone(logger, http.Request.Method, rawTarget.Split('?')[0], e.GetType().Name);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            LogUnexpected(logger, e, requestId, http.Request.Method, rawTarget.Split('?')[0]);
            http.Response.Clear();
            await WriteErrorAsync(http, endpoint, AwsError.InternalFailure, requestId).ConfigureAwait(false);
        }
    }

    private IEnumerable<string> Served => ["sts", "iam", "organizations", "kms", "backup"];

    private static Task WriteErrorAsync(HttpContext http, IAwsProtocolEndpoint? endpoint, AwsError error, string requestId) =>
        endpoint is null
            ? Protocols.RestJson.RestJsonService.WriteError(http, error, requestId)
            : endpoint.WriteErrorAsync(http, error, requestId);

    /// <summary>Without a readable credential scope, the request's shape tells which protocol's errors it understands.</summary>
    private IAwsProtocolEndpoint? Guess(HttpRequest request)
    {
        string target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            return target.StartsWith("TrentService.", StringComparison.Ordinal) ? protocols.Find("kms") : protocols.Find("organizations");
        }

        bool form = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        return form ? protocols.Find("sts") : protocols.Find("backup");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Reason}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, string path, SigV4FailureReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Code} ({Status}) for {Method} {Path}")]
    private static partial void LogAwsError(ILogger logger, string code, int status, string method, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path}: the client went away ({Exception})")]
    private static partial void LogClientGone(ILogger logger, string method, string path, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} {Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId, string method, string path);
}
