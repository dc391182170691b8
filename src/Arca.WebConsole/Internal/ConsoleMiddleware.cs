using Microsoft.AspNetCore.Http;

namespace Arca.WebConsole.Internal;

/// <summary>
/// Answers every request under <c>/console</c> from <see cref="ConsoleAssets"/> and passes everything else on:
/// <c>/console</c> redirects to <c>/console/</c> (the shell); a known file is sent with a strict content security
/// policy (scripts, styles and fetches from this origin only, no framing, no form submission) and an ETag;
/// an unknown one is 404 and a method other than GET or HEAD is 405, both plain text. No request under
/// <c>/console</c> reaches the AWS edge, and nothing here reads credentials.
/// </summary>
internal sealed class ConsoleMiddleware(RequestDelegate next, ConsoleAssets assets)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(WebConsoleSite.PathPrefix, StringComparison.Ordinal, out PathString rest))
        {
            return next(http);
        }

        HttpResponse response = http.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            return PlainAsync(http, StatusCodes.Status405MethodNotAllowed, "The console serves GET and HEAD only.");
        }

        if (!rest.HasValue)
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = WebConsoleSite.PathPrefix + "/";
            return Task.CompletedTask;
        }

        return assets.Find(rest.Value![1..]) is { } asset ? SendAsync(http, asset) : PlainAsync(http, StatusCodes.Status404NotFound, "Not found.");
    }

    private static Task SendAsync(HttpContext http, ConsoleAsset asset)
    {
        HttpResponse response = http.Response;
        response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Content, http.RequestAborted).AsTask();
    }

    private static Task PlainAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }
}
