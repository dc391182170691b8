using Arca.Control.Errors;

namespace Arca.Control.Iam;

/// <summary>IAM's and STS's error codes (awsQuery), with AWS's wording.</summary>
public static class IamErrors
{
    /// <summary><c>ValidationError</c> 400 in AWS's form: "1 validation error detected: Value 'v' at 'field' failed to satisfy constraint: …".</summary>
    public static AwsServiceException Validation(string field, string? value, string constraint) =>
        new("ValidationError",
            value is null
                ? $"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"
                : $"1 validation error detected: Value {Quote(value)} at '{field}' failed to satisfy constraint: {constraint}",
            400);

    /// <summary><c>ValidationError</c> 400 with a free message.</summary>
    public static AwsServiceException Validation(string message) => new("ValidationError", message, 400);

    public static AwsServiceException InvalidInput(string message) => new("InvalidInput", message, 400);

    public static AwsServiceException NoSuchEntity(string message) => new("NoSuchEntity", message, 404);

    public static AwsServiceException EntityAlreadyExists(string message) => new("EntityAlreadyExists", message, 409);

    public static AwsServiceException MalformedPolicyDocument(string message) => new("MalformedPolicyDocument", message, 400);

    public static AwsServiceException DeleteConflict(string message) => new("DeleteConflict", message, 409);

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceeded", message, 409);

    /// <summary>A value short enough to quote is quoted; long ones (policy documents) are not repeated back.</summary>
    private static string Quote(string value) => value.Length <= 256 ? $"'{value}'" : "(too long to repeat)";
}
