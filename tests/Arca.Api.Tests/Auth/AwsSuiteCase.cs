using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// One case of AWS's Signature Version 4 test suite: the request, the flavor (normalized path or
/// not), and the expected canonical request, string to sign and signature. Credentials, region,
/// service and time are the suite's: AKIDEXAMPLE, us-east-1, service, 20150830T123600Z.
/// </summary>
public sealed record AwsSuiteCase(
    string Name,
    string Method,
    string RawTarget,
    (string Name, string Value)[] Headers,
    string Body,
    SigV4Flavor Flavor,
    string SignedHeaders,
    string? CanonicalRequest,
    string? StringToSignHash,
    string Signature)
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public const string AmzDate = "20150830T123600Z";
    public static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    /// <summary>Session token of the case, if it signs one.</summary>
    public string? Token { get; init; }

    /// <summary>Whether the signer must add and sign X-Amz-Content-SHA256 (the suite's "sign_body").</summary>
    public bool SignBody { get; init; }

    public string Scope => $"20150830/{Region}/{Service}/aws4_request";

    public string Authorization =>
        $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{Scope}, SignedHeaders={SignedHeaders}, Signature={Signature}";

    /// <summary>The request as the client would send it before signing.</summary>
    public SigV4Request Unsigned() => new(
        Method,
        RawTarget,
        [.. Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
        System.Text.Encoding.UTF8.GetBytes(Body));

    /// <summary>The request as received by a server, signed as the suite says.</summary>
    public SigV4Request Signed()
    {
        SigV4Request request = Unsigned().WithHeader("X-Amz-Date", AmzDate);
        if (SignBody)
        {
            request = request.WithHeader("X-Amz-Content-SHA256", SigV4Canonicalizer.HexSha256(request.Body.Span));
        }

        if (Token is not null)
        {
            request = request.WithHeader("X-Amz-Security-Token", Token);
        }

        return request.WithHeader("Authorization", Authorization);
    }

    public override string ToString() => Name;
}
