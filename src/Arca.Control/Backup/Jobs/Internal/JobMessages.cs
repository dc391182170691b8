namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// Status messages and message categories of Arca's jobs. AWS publishes example categories (<c>SUCCESS</c>,
/// <c>AccessDenied</c>, <c>InvalidParameters</c>) but no closed list; these follow their style.
/// </summary>
internal static class JobMessages
{
    public const string Success = "SUCCESS";

    /// <summary>COMPLETED with problems ("Completed with issues" in the AWS console).</summary>
    public const string PartialBackup = "PartialBackup";

    public const string AccessDenied = "AccessDenied";

    public const string InvalidParameters = "InvalidParameters";

    public const string ResourceNotFound = "ResourceNotFound";

    public const string ResourceUnreadable = "ResourceUnreadable";

    public const string KmsKeyUnavailable = "KmsKeyUnavailable";

    public const string VaultError = "VaultError";

    public const string RestoreFailed = "RestoreFailed";

    /// <summary>AWS's message when a locked vault refuses a job's retention (its copy-job wording, for backups).</summary>
    public const string VaultLockRetention = "Backup job failed. The retention specified in the job is not within the range specified for the target Backup Vault.";

    /// <summary>The category of an <see cref="Errors.AwsServiceException"/> a job ended with.</summary>
    public static string CategoryOf(Errors.AwsServiceException e) => e switch
    {
        Kms.KmsKeyUnavailableException => KmsKeyUnavailable,
        { Code: "ResourceNotFoundException" } => ResourceNotFound,
        { Code: "AccessDeniedException" or "AccessDenied" } => AccessDenied,
        { Code: "InvalidParameterValueException" or "MissingParameterValueException" } => InvalidParameters,
        _ => e.Code,
    };
}
