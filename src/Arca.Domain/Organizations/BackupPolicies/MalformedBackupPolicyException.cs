namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// A backup policy document is not valid. The edge maps it to Organizations'
/// <c>MalformedPolicyDocumentException</c>; <see cref="Exception.Message"/> is the first error.
/// </summary>
public sealed class MalformedBackupPolicyException : Exception
{
    /// <summary>Creates the exception for a non-empty list of errors.</summary>
    public MalformedBackupPolicyException(IReadOnlyList<BackupPolicyError> errors)
        : base(FirstMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a single message and no path.</summary>
    public MalformedBackupPolicyException(string message)
        : this([new BackupPolicyError("", message)])
    {
    }

    /// <summary>Creates the exception with a single message and an inner exception.</summary>
    public MalformedBackupPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new BackupPolicyError("", message)];
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MalformedBackupPolicyException()
        : this("The backup policy document is malformed.")
    {
    }

    /// <summary>Every error found, in document order; never empty.</summary>
    public IReadOnlyList<BackupPolicyError> Errors { get; }

    private static string FirstMessage(IReadOnlyList<BackupPolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return errors[0].Message;
    }
}
