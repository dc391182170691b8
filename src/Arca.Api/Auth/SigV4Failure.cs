namespace Arca.Api.Auth;

/// <summary>Why a request was refused, before it is put into a protocol's vocabulary.</summary>
/// <param name="Reason">The precise reason.</param>
/// <param name="Message">A message safe to send and to log: it never contains a secret or a session token.</param>
public sealed record SigV4Failure(SigV4FailureReason Reason, string Message)
{
    /// <summary>The error to send in <paramref name="dialect"/>.</summary>
    public SigV4Error ToError(SigV4ErrorDialect dialect)
    {
        (string code, int status) = SigV4ErrorCodes.For(Reason, dialect);
        return new SigV4Error(code, status, Message);
    }
}
