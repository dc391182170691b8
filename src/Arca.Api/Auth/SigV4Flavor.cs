namespace Arca.Api.Auth;

/// <summary>The two ways AWS canonicalizes a request path and payload.</summary>
public enum SigV4Flavor
{
    /// <summary>
    /// Every service but S3: the raw path has its dot segments and empty segments removed and is then
    /// percent-encoded again (so <c>%3A</c> becomes <c>%253A</c>); <c>UNSIGNED-PAYLOAD</c> is refused.
    /// </summary>
    Standard = 0,

    /// <summary>
    /// S3: the path is not normalized and is encoded once (each segment decoded, then re-encoded);
    /// <c>UNSIGNED-PAYLOAD</c> is allowed and is the payload hash of presigned URLs.
    /// </summary>
    S3 = 1,
}
