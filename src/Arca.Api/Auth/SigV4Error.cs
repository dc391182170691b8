namespace Arca.Api.Auth;

/// <summary>An AWS-shaped authentication error, ready for the protocol's error serializer.</summary>
/// <param name="Code">The AWS error code (<c>SignatureDoesNotMatch</c>, <c>UnrecognizedClientException</c>, …).</param>
/// <param name="HttpStatus">The HTTP status to send.</param>
/// <param name="Message">A message safe to send and to log: it never contains a secret or a session token.</param>
public sealed record SigV4Error(string Code, int HttpStatus, string Message);
