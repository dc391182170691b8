using Arca.Control.Errors;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Edge;

/// <summary>Reads a request body into memory, refusing bodies over the limit (AWS's services cap requests too).</summary>
internal static class RequestBody
{
    /// <exception cref="AwsServiceException"><c>RequestEntityTooLarge</c> (413) over <paramref name="limit"/> bytes.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AwsServiceException TooLarge(long limit) =>
        new("RequestEntityTooLarge", $"The request body is larger than {limit} bytes.", 413);
}
