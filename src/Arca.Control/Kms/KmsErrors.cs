using System.Globalization;
using Arca.Control.Errors;

namespace Arca.Control.Kms;

/// <summary>
/// KMS's error codes (awsJson1.1, lower-case <c>message</c> on the wire) with AWS's statuses
/// (docs/shared aws-api.md §1.6) and wording.
/// </summary>
public static class KmsErrors
{
    /// <summary><c>ValidationException</c> 400 in AWS's form: "1 validation error detected: Value 'v' at 'field' failed to satisfy constraint: …".</summary>
    public static AwsServiceException Validation(string field, string? value, string constraint) =>
        new("ValidationException",
            value is null
                ? $"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"
                : $"1 validation error detected: Value {Quote(value)} at '{field}' failed to satisfy constraint: {constraint}",
            400);

    /// <summary><c>ValidationException</c> 400 for an integer out of range.</summary>
    public static AwsServiceException Validation(string field, int value, string constraint) =>
        Validation(field, value.ToString(CultureInfo.InvariantCulture), constraint);

    /// <summary><c>ValidationException</c> 400 with a free message.</summary>
    public static AwsServiceException Validation(string message) => new("ValidationException", message, 400);

    public static AwsServiceException NotFound(string message) => new("NotFoundException", message, 404);

    /// <summary>NotFound for a key: "Key 'ARN' does not exist".</summary>
    public static AwsServiceException KeyNotFound(string keyArn) => NotFound($"Key '{keyArn}' does not exist");

    /// <summary>NotFound for an alias: "Alias ARN is not found.".</summary>
    public static AwsServiceException AliasNotFound(string aliasArn) => NotFound($"Alias {aliasArn} is not found.");

    public static AwsServiceException AlreadyExists(string message) => new("AlreadyExistsException", message, 409);

    /// <summary>"ARN is disabled.".</summary>
    public static AwsServiceException Disabled(string keyArn) => new("DisabledException", $"{keyArn} is disabled.", 409);

    public static AwsServiceException InvalidState(string message) => new("KMSInvalidStateException", message, 409);

    /// <summary>"ARN is pending deletion.".</summary>
    public static AwsServiceException PendingDeletion(string keyArn) => InvalidState($"{keyArn} is pending deletion.");

    public static AwsServiceException InvalidArn(string message) => new("InvalidArnException", message, 400);

    /// <summary>
    /// <c>InvalidCiphertextException</c>: the blob is not a KMS ciphertext of this region, was altered, or its encryption context
    /// differs. The message says no more than that, as in AWS.
    /// </summary>
    public static AwsServiceException InvalidCiphertext() =>
        new("InvalidCiphertextException",
            "The ciphertext is invalid: it was altered, was not made by this region's KMS, or was encrypted with another encryption context.", 400);

    public static AwsServiceException IncorrectKey() =>
        new("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.", 400);

    public static AwsServiceException InvalidKeyUsage(string message) => new("InvalidKeyUsageException", message, 400);

    public static AwsServiceException InvalidGrantToken() =>
        new("InvalidGrantTokenException", "Arca does not implement grants, so no grant token is valid; retry without GrantTokens.", 400);

    public static AwsServiceException InvalidMarker() =>
        new("InvalidMarkerException", "The marker is not valid for this request: start the listing again without a marker.", 400);

    public static AwsServiceException InvalidAliasName(string message) => new("InvalidAliasNameException", message, 400);

    public static AwsServiceException MalformedPolicyDocument(string message) => new("MalformedPolicyDocumentException", message, 400);

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededException", message, 400);

    public static AwsServiceException Tag(string message) => new("TagException", message, 400);

    public static AwsServiceException UnsupportedOperation(string message) => new("UnsupportedOperationException", message, 400);

    /// <summary><c>NotAuthorizedException</c> 400: what AWS answers for alias operations on the reserved <c>alias/aws/</c> prefix.</summary>
    public static AwsServiceException NotAuthorized(string message) => new("NotAuthorizedException", message, 400);

    public static AwsServiceException DryRun() =>
        new("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.", 412);

    private static string Quote(string value) => value.Length <= 256 ? $"'{value}'" : "(too long to repeat)";
}
