using System.Text;
using Arca.Api.Auth;

namespace Arca.Api.Client;

/// <summary>
/// A small SigV4-signing HTTP client for Arca's own client commands and tests: builds the request, signs it with
/// <see cref="SigV4Signer"/> (as the JS SDK does: <c>X-Amz-Content-SHA256</c> included) and sends it with the
/// target exactly as signed.
/// </summary>
/// <remarks>Thread-safe if the <see cref="HttpClient"/> is. Does not dispose the <see cref="HttpClient"/>.</remarks>
public sealed class SigV4HttpClient(HttpClient http, Uri endpoint, string region, AwsCredentials credentials, TimeProvider time)
{
    private static readonly SigV4Signer Signer = new();

    /// <summary>The server's base address.</summary>
    public Uri Endpoint { get; } = endpoint;

    /// <summary>Signs and sends one request; <paramref name="rawTarget"/> is the path and query, already percent-encoded.</summary>
    public Task<HttpResponseMessage> SendAsync(
        string service,
        string method,
        string rawTarget,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        SigV4Request signed = Sign(service, new SigV4Request(method, rawTarget, [new("Host", Endpoint.Authority), .. headers], body));
        return SendSignedAsync(signed, cancellationToken);
    }

    /// <summary>An awsQuery call (STS, IAM): <c>POST /</c> with a form body of <c>Action</c>, <c>Version</c> and <paramref name="parameters"/>.</summary>
    public Task<HttpResponseMessage> PostQueryAsync(
        string service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string form = string.Join('&', new[] { new KeyValuePair<string, string>("Action", action), new("Version", version) }.Concat(parameters)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return SendAsync(service, "POST", "/", [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], Encoding.UTF8.GetBytes(form), cancellationToken);
    }

    /// <summary>An awsJson1.1 call (Organizations, KMS): <c>POST /</c> with <c>X-Amz-Target</c> and a JSON body.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string service, string target, string json, CancellationToken cancellationToken = default) =>
        SendAsync(service, "POST", "/", [new("Content-Type", "application/x-amz-json-1.1"), new("X-Amz-Target", target)], Encoding.UTF8.GetBytes(json), cancellationToken);

    /// <summary>Signs <paramref name="request"/> (which must carry its Host header) for <paramref name="service"/> now.</summary>
    public SigV4Request Sign(string service, SigV4Request request) =>
        Signer.Sign(request, new SigV4SigningParameters(credentials.AccessKeyId, credentials.SecretAccessKey, region, service, time.GetUtcNow())
        {
            SessionToken = credentials.SessionToken,
        });

    /// <summary>Sends an already signed request byte for byte (the target is not re-encoded).</summary>
    public async Task<HttpResponseMessage> SendSignedAsync(SigV4Request signed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var uri = new Uri(Endpoint.GetLeftPart(UriPartial.Authority) + signed.RawTarget, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new HttpRequestMessage(new HttpMethod(signed.Method), uri) { Content = new ByteArrayContent(signed.Body.ToArray()) };
        foreach ((string name, string value) in signed.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
