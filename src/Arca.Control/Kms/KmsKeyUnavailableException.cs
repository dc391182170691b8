using Arca.Control.Errors;

namespace Arca.Control.Kms;

/// <summary>
/// A vault's KMS key cannot be used by the backup service on behalf of the vault's account: it is disabled, pending
/// deletion, deleted, or its key policy (or the account's side) does not allow it. The message is AWS Backup's,
/// <see cref="AwsMessage"/>; <see cref="Cause"/> is the KMS error behind it (for logs and job details, never sent).
/// </summary>
/// <remarks>Code <c>InvalidRequestException</c> (400), so a synchronous Backup call answers it as is; a job ends FAILED with the message.</remarks>
public sealed class KmsKeyUnavailableException : AwsServiceException
{
    /// <summary>AWS Backup's message for a key it cannot use.</summary>
    public const string AwsMessage = "KMS key is either disabled or pending deletion or access to KMS key is denied";

    public KmsKeyUnavailableException(string keyArn, AwsServiceException cause)
        : base("InvalidRequestException", AwsMessage, 400)
    {
        ArgumentNullException.ThrowIfNull(cause);
        KeyArn = keyArn;
        Cause = cause;
    }

    public KmsKeyUnavailableException()
        : base("InvalidRequestException", AwsMessage, 400)
    {
        KeyArn = string.Empty;
        Cause = new AwsServiceException("AccessDeniedException", AwsMessage, 400);
    }

    public KmsKeyUnavailableException(string message)
        : base("InvalidRequestException", message, 400)
    {
        KeyArn = string.Empty;
        Cause = new AwsServiceException("AccessDeniedException", message, 400);
    }

    public KmsKeyUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
        KeyArn = string.Empty;
        Cause = new AwsServiceException("AccessDeniedException", message, 400);
    }

    /// <summary>The key the backup service could not use.</summary>
    public string KeyArn { get; }

    /// <summary>
    /// The KMS error: <c>DisabledException</c>, <c>KMSInvalidStateException</c> (pending deletion), <c>NotFoundException</c>
    /// (deleted, or never existed) or <c>AccessDeniedException</c> (whose message names the missing permission).
    /// </summary>
    public AwsServiceException Cause { get; }

    /// <summary>True for the KMS errors that mean "the backup service cannot use this key".</summary>
    public static bool IsUnavailable(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code is "DisabledException" or "KMSInvalidStateException" or "NotFoundException" or "AccessDeniedException";
    }
}
