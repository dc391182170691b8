namespace Arca.Api.Protocols;

/// <summary>An error ready to be rendered in a protocol's error shape.</summary>
/// <param name="Code">The AWS error code (no namespace).</param>
/// <param name="Message">A message safe to send: no secret, no stack trace.</param>
/// <param name="HttpStatus">The HTTP status.</param>
public sealed record AwsError(string Code, string Message, int HttpStatus)
{
    /// <summary>4xx: the sender must change the request (awsQuery <c>Sender</c>, restJson <c>User</c>).</summary>
    public bool IsSenderFault => HttpStatus < 500;

    /// <summary>The error answered for every unexpected failure; details go to the log only.</summary>
    public static AwsError InternalFailure { get; } = new("InternalFailure", "The request processing has failed because of an unknown error.", 500);
}
