namespace Arca.Api.Auth;

/// <summary>
/// The one place where SigV4 failures become AWS error codes and HTTP statuses.
/// </summary>
/// <remarks>
/// Observed AWS behaviour, per protocol family:
/// <list type="bullet">
/// <item>awsQuery (STS, IAM): <c>MissingAuthenticationToken</c> 403, <c>IncompleteSignature</c> 400,
/// <c>InvalidClientTokenId</c> 403, <c>SignatureDoesNotMatch</c> 403; a request outside the 15-minute
/// window is also <c>SignatureDoesNotMatch</c> ("Signature expired: … is now earlier than …"), as STS
/// answers the AWS CLI.</item>
/// <item>JSON protocols (Organizations, KMS, Backup): the <c>…Exception</c> codes:
/// <c>UnrecognizedClientException</c> for unknown keys and bad tokens, <c>InvalidSignatureException</c>
/// for bad signatures and expired signatures; HTTP 400 from awsJson services, 403 from restJson ones.</item>
/// <item>S3: its own codes (<c>InvalidAccessKeyId</c>, <c>RequestTimeTooSkewed</c>,
/// <c>XAmzContentSHA256Mismatch</c>, …).</item>
/// </list>
/// The AWS "common errors" page lists <c>RequestExpired</c> (400) too, but the services Arca speaks
/// answer a skewed SigV4 request with the signature codes above, and every SDK's clock-skew detection
/// recognizes those. Clients key on the code, never on the status, and retry no 4xx.
/// </remarks>
public static class SigV4ErrorCodes
{
    /// <summary>The code and HTTP status AWS sends for <paramref name="reason"/> in <paramref name="dialect"/>.</summary>
    public static (string Code, int HttpStatus) For(SigV4FailureReason reason, SigV4ErrorDialect dialect)
    {
        Category category = CategoryOf(reason);
        return dialect switch
        {
            SigV4ErrorDialect.Query => Query(category),
            SigV4ErrorDialect.AwsJson => (Json(category), 400),
            SigV4ErrorDialect.RestJson => (Json(category), 403),
            SigV4ErrorDialect.S3 => S3(reason, category),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown error dialect."),
        };
    }

    private enum Category
    {
        Missing,
        Malformed,
        BadSignature,
        BadKey,
        ExpiredToken,
    }

    private static Category CategoryOf(SigV4FailureReason reason) => reason switch
    {
        SigV4FailureReason.MissingAuthentication => Category.Missing,
        SigV4FailureReason.MalformedAuthorization or SigV4FailureReason.UnsupportedAlgorithm
            or SigV4FailureReason.AmbiguousAuthentication or SigV4FailureReason.MissingDate
            or SigV4FailureReason.InvalidDate or SigV4FailureReason.HostNotSigned
            or SigV4FailureReason.SecurityTokenNotSigned or SigV4FailureReason.InvalidPayloadHash
            or SigV4FailureReason.UnsignedPayloadNotAllowed => Category.Malformed,
        SigV4FailureReason.InvalidCredentialScope or SigV4FailureReason.RequestTimeTooSkewed
            or SigV4FailureReason.PresignedRequestExpired or SigV4FailureReason.SignatureMismatch
            or SigV4FailureReason.PayloadHashMismatch => Category.BadSignature,
        SigV4FailureReason.UnknownAccessKey or SigV4FailureReason.InvalidSecurityToken => Category.BadKey,
        SigV4FailureReason.ExpiredToken => Category.ExpiredToken,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown failure reason."),
    };

    private static (string Code, int HttpStatus) Query(Category category) => category switch
    {
        Category.Missing => ("MissingAuthenticationToken", 403),
        Category.Malformed => ("IncompleteSignature", 400),
        Category.BadSignature => ("SignatureDoesNotMatch", 403),
        Category.BadKey => ("InvalidClientTokenId", 403),
        _ => ("ExpiredToken", 403),
    };

    private static string Json(Category category) => category switch
    {
        Category.Missing => "MissingAuthenticationTokenException",
        Category.Malformed => "IncompleteSignatureException",
        Category.BadSignature => "InvalidSignatureException",
        Category.BadKey => "UnrecognizedClientException",
        _ => "ExpiredTokenException",
    };

    private static (string Code, int HttpStatus) S3(SigV4FailureReason reason, Category category) => reason switch
    {
        SigV4FailureReason.MissingAuthentication or SigV4FailureReason.PresignedRequestExpired => ("AccessDenied", 403),
        SigV4FailureReason.InvalidCredentialScope => ("AuthorizationHeaderMalformed", 400),
        SigV4FailureReason.RequestTimeTooSkewed => ("RequestTimeTooSkewed", 403),
        SigV4FailureReason.UnknownAccessKey => ("InvalidAccessKeyId", 403),
        SigV4FailureReason.InvalidSecurityToken => ("InvalidToken", 400),
        SigV4FailureReason.ExpiredToken => ("ExpiredToken", 400),
        SigV4FailureReason.PayloadHashMismatch => ("XAmzContentSHA256Mismatch", 400),
        SigV4FailureReason.InvalidPayloadHash or SigV4FailureReason.UnsupportedAlgorithm
            or SigV4FailureReason.AmbiguousAuthentication => ("InvalidArgument", 400),
        _ => category == Category.Malformed ? ("AuthorizationHeaderMalformed", 400) : ("SignatureDoesNotMatch", 403),
    };
}
