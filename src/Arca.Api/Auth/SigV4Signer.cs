using System.Globalization;
using System.Text;

using Arca.Api.Auth.Internal;

namespace Arca.Api.Auth;

/// <summary>
/// Signs requests with SigV4, through the same canonicalization as <see cref="SigV4Verifier"/>: for
/// Arca's own client commands and for in-process tests.
/// </summary>
/// <remarks>Thread-safe; caches derived signing keys (never secrets).</remarks>
public sealed class SigV4Signer
{
    /// <summary>Headers never signed: set or rewritten by HTTP stacks and proxies after signing (as botocore).</summary>
    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        SigV4Names.AuthorizationHeader, "user-agent", "expect", "transfer-encoding", "x-amzn-trace-id", "connection",
    };

    private readonly SigningKeyCache _keys = new();

    /// <summary>
    /// Returns <paramref name="request"/> with <c>X-Amz-Date</c>, <c>X-Amz-Content-SHA256</c> (unless
    /// turned off; always with UNSIGNED-PAYLOAD, which only that header can announce), <c>X-Amz-Security-Token</c> (with a session token) and <c>Authorization</c> set,
    /// replacing any earlier values. Every other header present is signed, except <c>User-Agent</c>,
    /// <c>Expect</c>, <c>Transfer-Encoding</c>, <c>X-Amzn-Trace-Id</c> and <c>Connection</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No Host header, or UNSIGNED-PAYLOAD asked for a non-S3 flavor.</exception>
    public SigV4Request Sign(SigV4Request request, SigV4SigningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        RequireHost(request);
        string amzDate = AmzDate.ToAmzDate(parameters.Time);
        var scope = new SigV4Scope(amzDate[..8], parameters.Region, parameters.Service);
        string payload = PayloadLine(request, parameters);

        SigV4Request signing = request.WithHeader("X-Amz-Date", amzDate);
        if (parameters.AddContentSha256Header || parameters.UnsignedPayload)
        {
            signing = signing.WithHeader("X-Amz-Content-SHA256", payload);
        }

        if (parameters.SessionToken is { } token)
        {
            signing = signing.WithHeader("X-Amz-Security-Token", token);
        }

        string[] signedHeaders = [.. signing.Headers
            .Select(static h => h.Key.ToLowerInvariant())
            .Where(static name => !Unsigned.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
        string canonical = SigV4Canonicalizer.CanonicalRequest(signing, signedHeaders, payload, parameters.EffectiveFlavor);
        string signature = SignatureOf(parameters, scope, amzDate, canonical);
        return signing.WithHeader("Authorization",
            $"{SigV4Canonicalizer.Algorithm} Credential={parameters.AccessKeyId}/{scope}, "
            + $"SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
    }

    /// <summary>
    /// Returns <paramref name="request"/> with a presigned query string valid for <paramref name="expires"/>:
    /// <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>, <c>X-Amz-Expires</c>,
    /// <c>X-Amz-SignedHeaders</c> (<c>host</c> only), <c>X-Amz-Security-Token</c> with a session token,
    /// and last <c>X-Amz-Signature</c>. The payload is <c>UNSIGNED-PAYLOAD</c> for S3, the body hash otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">No Host header, or <paramref name="expires"/> not a positive whole number of seconds.</exception>
    public SigV4Request Presign(SigV4Request request, SigV4SigningParameters parameters, TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        RequireHost(request);
        if (expires < TimeSpan.FromSeconds(1) || expires.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("Presigned URLs expire after a positive whole number of seconds.", nameof(expires));
        }

        string amzDate = AmzDate.ToAmzDate(parameters.Time);
        var scope = new SigV4Scope(amzDate[..8], parameters.Region, parameters.Service);
        var query = new StringBuilder(request.RawQuery);
        AppendParameter(query, SigV4Names.AlgorithmParameter, SigV4Canonicalizer.Algorithm);
        AppendParameter(query, SigV4Names.CredentialParameter, $"{parameters.AccessKeyId}/{scope}");
        AppendParameter(query, SigV4Names.DateParameter, amzDate);
        AppendParameter(query, SigV4Names.ExpiresParameter, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        AppendParameter(query, SigV4Names.SignedHeadersParameter, SigV4Names.HostHeader);
        if (parameters.SessionToken is { } token)
        {
            AppendParameter(query, SigV4Names.SecurityTokenParameter, token);
        }

        SigV4Request presigned = request with { RawTarget = request.RawPath + "?" + query };
        string payload = parameters.EffectiveFlavor == SigV4Flavor.S3 ? SigV4Names.UnsignedPayload : PayloadHash.OfBody(request);
        string canonical = SigV4Canonicalizer.CanonicalRequest(presigned, [SigV4Names.HostHeader], payload, parameters.EffectiveFlavor);
        AppendParameter(query, SigV4Names.SignatureParameter, SignatureOf(parameters, scope, amzDate, canonical));
        return request with { RawTarget = request.RawPath + "?" + query };
    }

    private string SignatureOf(SigV4SigningParameters parameters, SigV4Scope scope, string amzDate, string canonicalRequest)
    {
        byte[] key = _keys.Get(parameters.SecretAccessKey, scope.Date, scope.Region, scope.Service);
        return SigV4SigningKey.Sign(key, SigV4Canonicalizer.StringToSign(amzDate, scope, canonicalRequest));
    }

    private static string PayloadLine(SigV4Request request, SigV4SigningParameters parameters)
    {
        if (!parameters.UnsignedPayload)
        {
            return PayloadHash.OfBody(request);
        }

        return parameters.EffectiveFlavor == SigV4Flavor.S3
            ? SigV4Names.UnsignedPayload
            : throw new ArgumentException("UNSIGNED-PAYLOAD is for S3 only.", nameof(parameters));
    }

    private static void RequireHost(SigV4Request request)
    {
        if (!request.HasHeader(SigV4Names.HostHeader))
        {
            throw new ArgumentException("The request needs a Host header to be signed.", nameof(request));
        }
    }

    private static void AppendParameter(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        PercentEncoding.EncodeText(query, name, keepSlash: false);
        query.Append('=');
        PercentEncoding.EncodeText(query, value, keepSlash: false);
    }
}
