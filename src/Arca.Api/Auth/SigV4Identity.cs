namespace Arca.Api.Auth;

/// <summary>Who signed an authenticated request, and for what.</summary>
/// <param name="AccessKeyId">The access key that signed the request.</param>
/// <param name="Region">The region of the credential scope; the request's region.</param>
/// <param name="Service">The service of the credential scope; routes the request.</param>
/// <param name="SignedAt">The request time the client signed (X-Amz-Date or Date).</param>
/// <param name="SessionToken">The session token presented with temporary credentials, or null.</param>
/// <param name="Mechanism">Header or presigned-URL authentication.</param>
public sealed record SigV4Identity(
    string AccessKeyId,
    string Region,
    string Service,
    DateTimeOffset SignedAt,
    string? SessionToken,
    SigV4AuthMechanism Mechanism)
{
    /// <summary>A description safe to log: the session token is never printed.</summary>
    public override string ToString() =>
        $"{AccessKeyId} {Region}/{Service} at {SignedAt:yyyyMMdd'T'HHmmss'Z'} via {Mechanism}{(SessionToken is null ? string.Empty : " with session token")}";
}
