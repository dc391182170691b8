namespace Arca.Api.Auth;

/// <summary>
/// What a request claims about its signature, as parsed from the Authorization header or from the
/// presigned query string, before anything is verified.
/// </summary>
/// <param name="Mechanism">Header or query-string authentication.</param>
/// <param name="AccessKeyId">The access key id of the Credential component (not a secret).</param>
/// <param name="Scope">The credential scope; its terminator has been checked to be <c>aws4_request</c>.</param>
/// <param name="SignedHeaders">The signed header names, lowercase, sorted ordinally, without duplicates.</param>
/// <param name="Signature">The signature exactly as sent (normally 64 lowercase hex digits).</param>
public sealed record SigV4Authorization(
    SigV4AuthMechanism Mechanism,
    string AccessKeyId,
    SigV4Scope Scope,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    /// <summary>Query-string authentication only: the <c>X-Amz-Date</c> parameter.</summary>
    public string? AmzDate { get; init; }

    /// <summary>Query-string authentication only: the <c>X-Amz-Expires</c> parameter in seconds.</summary>
    public int? ExpiresSeconds { get; init; }

    /// <summary>Query-string authentication only: the <c>X-Amz-Security-Token</c> parameter, if any.</summary>
    public string? SecurityToken { get; init; }

    /// <summary>The SignedHeaders component as it enters the canonical request (<c>a;b;c</c>).</summary>
    public string SignedHeadersLine => string.Join(';', SignedHeaders);

    /// <summary>A description safe to log: the session token is never printed.</summary>
    public override string ToString() =>
        $"{Mechanism} {AccessKeyId}/{Scope} SignedHeaders={SignedHeadersLine}";
}
