namespace Arca.Api.Auth;

/// <summary>
/// Why a request was not authenticated. Each reason maps to an AWS error code and HTTP status per
/// protocol through <see cref="SigV4ErrorCodes"/>.
/// </summary>
public enum SigV4FailureReason
{
    /// <summary>No Authorization header and no presigned query parameters.</summary>
    MissingAuthentication = 0,

    /// <summary>The Authorization header or the presigned parameters are syntactically wrong or incomplete.</summary>
    MalformedAuthorization,

    /// <summary>An algorithm other than <c>AWS4-HMAC-SHA256</c> (SigV2, SigV4a, …).</summary>
    UnsupportedAlgorithm,

    /// <summary>Both an Authorization header and presigned query parameters are present.</summary>
    AmbiguousAuthentication,

    /// <summary>Neither <c>X-Amz-Date</c> nor <c>Date</c> is present.</summary>
    MissingDate,

    /// <summary>The request date is not in ISO 8601 basic form (<c>yyyyMMddTHHmmssZ</c>) or RFC 1123.</summary>
    InvalidDate,

    /// <summary><c>host</c> is not among the signed headers.</summary>
    HostNotSigned,

    /// <summary>An <c>X-Amz-Security-Token</c> header is present but not among the signed headers.</summary>
    SecurityTokenNotSigned,

    /// <summary><c>X-Amz-Content-SHA256</c> is neither a hex SHA-256 nor a value this flavor accepts.</summary>
    InvalidPayloadHash,

    /// <summary><c>UNSIGNED-PAYLOAD</c> sent to a service other than S3.</summary>
    UnsignedPayloadNotAllowed,

    /// <summary>The credential scope is wrong: bad terminator, date unlike the request date, service or region not accepted.</summary>
    InvalidCredentialScope,

    /// <summary>The request date is further from the server's clock than the allowed skew (15 minutes).</summary>
    RequestTimeTooSkewed,

    /// <summary>A presigned URL used after its <c>X-Amz-Expires</c> window, or an expiry longer than allowed.</summary>
    PresignedRequestExpired,

    /// <summary>The access key id is not known.</summary>
    UnknownAccessKey,

    /// <summary>The session token is missing, wrong, or present for a key that has none.</summary>
    InvalidSecurityToken,

    /// <summary>The temporary credentials have expired.</summary>
    ExpiredToken,

    /// <summary>The signature does not match the one computed with the key's secret.</summary>
    SignatureMismatch,

    /// <summary>The body does not hash to the signed <c>X-Amz-Content-SHA256</c>.</summary>
    PayloadHashMismatch,
}
