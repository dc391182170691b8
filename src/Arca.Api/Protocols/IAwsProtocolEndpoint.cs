using Microsoft.AspNetCore.Http;

namespace Arca.Api.Protocols;

/// <summary>
/// One service on the shared listener, in its protocol (awsQuery, awsJson1.1, restJson1): dispatches an
/// authenticated request to the operation registered for it, and renders errors in the protocol's shape.
/// </summary>
/// <remarks>Registration happens while the server is built; afterwards instances are read-only and thread-safe.</remarks>
public interface IAwsProtocolEndpoint
{
    /// <summary>The SigV4 signing name that routes here (<c>sts</c>, <c>iam</c>, <c>kms</c>, <c>organizations</c>, <c>backup</c>).</summary>
    string Service { get; }

    /// <summary>Regional services refuse scopes naming a region the server does not serve; global ones accept any.</summary>
    bool IsRegional { get; }

    /// <summary>
    /// Runs the operation and writes its response. Throws <see cref="Control.Errors.AwsServiceException"/> for
    /// AWS-shaped failures (rendered by the caller through <see cref="WriteErrorAsync"/>); anything else is a 500.
    /// </summary>
    Task HandleAsync(AwsRequestContext context, HttpContext http, ReadOnlyMemory<byte> body);

    /// <summary>Writes <paramref name="error"/> in this protocol's error shape.</summary>
    Task WriteErrorAsync(HttpContext http, AwsError error, string requestId);
}
