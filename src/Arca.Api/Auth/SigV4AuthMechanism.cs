namespace Arca.Api.Auth;

/// <summary>Where a request carried its SigV4 signature.</summary>
public enum SigV4AuthMechanism
{
    /// <summary>The <c>Authorization: AWS4-HMAC-SHA256 …</c> header.</summary>
    AuthorizationHeader = 0,

    /// <summary>Presigned URL: <c>X-Amz-Algorithm</c>, <c>X-Amz-Signature</c>, … in the query string.</summary>
    QueryString = 1,
}
