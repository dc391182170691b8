using System.Diagnostics.CodeAnalysis;

namespace Arca.Api.Auth;

/// <summary>The outcome of verifying one request: an identity, or a failure and the error to send.</summary>
public sealed record SigV4VerificationResult
{
    private SigV4VerificationResult(SigV4Identity? identity, SigV4Failure? failure, SigV4Error? error)
    {
        Identity = identity;
        Failure = failure;
        Error = error;
    }

    /// <summary>Who signed the request; set exactly when <see cref="IsAuthenticated"/>.</summary>
    public SigV4Identity? Identity { get; }

    /// <summary>Why the request was refused; set exactly when not <see cref="IsAuthenticated"/>.</summary>
    public SigV4Failure? Failure { get; }

    /// <summary>
    /// The AWS error to send, in the dialect of the scope's service (or the default dialect when the
    /// scope could not be read). Callers that know the protocol better may use <see cref="SigV4Failure.ToError"/>.
    /// </summary>
    public SigV4Error? Error { get; }

    /// <summary>True when the signature is valid.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Error))]
    public bool IsAuthenticated => Identity is not null;

    /// <summary>An authenticated result.</summary>
    public static SigV4VerificationResult Authenticated(SigV4Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity, null, null);
    }

    /// <summary>A refusal, with its error in <paramref name="dialect"/>.</summary>
    public static SigV4VerificationResult Refused(SigV4Failure failure, SigV4ErrorDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(null, failure, failure.ToError(dialect));
    }
}
