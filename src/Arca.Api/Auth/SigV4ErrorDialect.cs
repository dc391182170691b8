namespace Arca.Api.Auth;

/// <summary>
/// The error vocabulary of an AWS protocol family: the same failure has a different code and status
/// in STS (query) than in KMS (JSON-RPC) or Backup (REST-JSON).
/// </summary>
public enum SigV4ErrorDialect
{
    /// <summary>awsQuery services (STS, IAM): <c>InvalidClientTokenId</c>, <c>SignatureDoesNotMatch</c>, ….</summary>
    Query = 0,

    /// <summary>awsJson services (Organizations, KMS): <c>UnrecognizedClientException</c>, <c>InvalidSignatureException</c>, HTTP 400.</summary>
    AwsJson,

    /// <summary>restJson services (Backup): the JSON codes with HTTP 403.</summary>
    RestJson,

    /// <summary>S3 (restXml): <c>InvalidAccessKeyId</c>, <c>SignatureDoesNotMatch</c>, <c>RequestTimeTooSkewed</c>, ….</summary>
    S3,
}
