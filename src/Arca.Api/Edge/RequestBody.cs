using Arca.Control.Errors;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Edge;

/// <summary>Reads a request body into memory, refusing bodies over the limit (AWS's services cap requests too).</summary>
internal static class RequestBody
{
    /// <exception cref="AwsServiceException"><c>RequestEntityTooLarge</c> (413) over <paramref name="limit"/> bytes; <c>IncompleteBody</c> (400) when the body's framing is broken.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        byte[] chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's framing checks: a body shorter than its Content-Length, a bad chunk size, a truncated chunked body.
            throw new AwsServiceException("IncompleteBody",
                "The request body could not be read: it ended before its Content-Length, or its chunked transfer encoding is malformed.", 400);
        }

        return buffer.ToArray();
    }

    private static AwsServiceException TooLarge(long limit) =>
        new("RequestEntityTooLarge", $"The request body is larger than {limit} bytes.", 413);
}
