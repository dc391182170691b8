namespace Arca.Api.Auth;

/// <summary>Header names, query parameter names and special values of SigV4.</summary>
public static class SigV4Names
{
    /// <summary>The <c>Authorization</c> header.</summary>
    public const string AuthorizationHeader = "authorization";

    /// <summary>The request time header, ISO 8601 basic format.</summary>
    public const string AmzDateHeader = "x-amz-date";

    /// <summary>The RFC 1123 <c>Date</c> header, used when <c>X-Amz-Date</c> is absent.</summary>
    public const string DateHeader = "date";

    /// <summary>The payload hash header.</summary>
    public const string ContentSha256Header = "x-amz-content-sha256";

    /// <summary>The session token header of temporary credentials.</summary>
    public const string SecurityTokenHeader = "x-amz-security-token";

    /// <summary>The host header; always signed.</summary>
    public const string HostHeader = "host";

    /// <summary>Presigned URL parameter: the algorithm.</summary>
    public const string AlgorithmParameter = "X-Amz-Algorithm";

    /// <summary>Presigned URL parameter: <c>AKID/date/region/service/aws4_request</c>.</summary>
    public const string CredentialParameter = "X-Amz-Credential";

    /// <summary>Presigned URL parameter: the signing time.</summary>
    public const string DateParameter = "X-Amz-Date";

    /// <summary>Presigned URL parameter: validity in seconds.</summary>
    public const string ExpiresParameter = "X-Amz-Expires";

    /// <summary>Presigned URL parameter: the signed header names.</summary>
    public const string SignedHeadersParameter = "X-Amz-SignedHeaders";

    /// <summary>Presigned URL parameter: the signature (left out of the canonical query).</summary>
    public const string SignatureParameter = "X-Amz-Signature";

    /// <summary>Presigned URL parameter: the session token.</summary>
    public const string SecurityTokenParameter = "X-Amz-Security-Token";

    /// <summary>The payload hash of a request whose body is not signed (S3 only).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
}
