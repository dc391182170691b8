using Arca.Control.Errors;
using Arca.Domain.Iam;

namespace Arca.Control.Iam;

/// <summary>
/// An authorization refusal: the AWS code of the action's service (<c>AccessDenied</c> for IAM and STS,
/// <c>AccessDeniedException</c> elsewhere), a message naming the caller, action and resource, and the
/// evaluator's <see cref="Decision"/> for logs and tests (never sent: it may name policies of other accounts).
/// </summary>
public sealed class AccessDeniedException : AwsServiceException
{
    public AccessDeniedException(string code, string message, int httpStatus, AccessDecision decision)
        : base(code, message, httpStatus)
    {
        Decision = decision;
    }

    public AccessDeniedException()
        : base("AccessDeniedException", "Access denied", 403)
    {
        Decision = new AccessDecision(AccessOutcome.ImplicitDeny, "Access denied", []);
    }

    public AccessDeniedException(string message)
        : base("AccessDeniedException", message, 403)
    {
        Decision = new AccessDecision(AccessOutcome.ImplicitDeny, message, []);
    }

    public AccessDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Decision = new AccessDecision(AccessOutcome.ImplicitDeny, message, []);
    }

    /// <summary>What the evaluator decided, and why.</summary>
    public AccessDecision Decision { get; }
}
