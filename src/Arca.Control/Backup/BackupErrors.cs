using Arca.Control.Errors;
using Arca.Domain.Plans;

namespace Arca.Control.Backup;

/// <summary>AWS Backup's error codes (restJson1, reference §1.6): every client error is HTTP 400, ResourceNotFound included.</summary>
public static class BackupErrors
{
    public static AwsServiceException InvalidParameterValue(string message) => new("InvalidParameterValueException", message, 400);

    public static AwsServiceException MissingParameterValue(string message) => new("MissingParameterValueException", message, 400);

    public static AwsServiceException InvalidRequest(string message) => new("InvalidRequestException", message, 400);

    public static AwsServiceException ResourceNotFound(string message) => new("ResourceNotFoundException", message, 400);

    public static AwsServiceException AlreadyExists(string message) => new("AlreadyExistsException", message, 400);

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededException", message, 400);

    /// <summary>A domain validation problem as its AWS error; the message is "Path: problem".</summary>
    public static AwsServiceException From(BackupPlanError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AwsServiceException(error.ErrorCode, error.Message, 400);
    }

    /// <summary>A required member that is absent: "<paramref name="field"/> is required".</summary>
    public static AwsServiceException Missing(string field) => MissingParameterValue($"{field}: is required");
}
