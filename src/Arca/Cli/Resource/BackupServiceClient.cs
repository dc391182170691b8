using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Api.Client;
using Arca.Cli.Client;

namespace Arca.Cli.Resource;

/// <summary>
/// Calls an Arca server's backup service (restJson1) for the client commands: signs with the resolved settings,
/// turns AWS error bodies into <see cref="ServiceCallException"/>s.
/// </summary>
internal sealed class BackupServiceClient(AwsClientSettings settings) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    private Uri Endpoint => settings.EndpointUrl
        ?? throw new AwsClientConfigurationException("No endpoint: give --endpoint-url, set AWS_ENDPOINT_URL, or set endpoint_url in the profile.");

    /// <summary>Sends one request and returns its JSON body (an empty object when the body is empty).</summary>
    /// <exception cref="ServiceCallException">The server answered with an error, or could not be reached.</exception>
    public async Task<JsonObject> SendAsync(string method, string rawTarget, string? json, CancellationToken cancellationToken)
    {
        var client = new SigV4HttpClient(_http, Endpoint, settings.Region, settings.Credentials, TimeProvider.System);
        byte[] body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        KeyValuePair<string, string>[] headers = json is null ? [] : [new("Content-Type", "application/json")];
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync("backup", method, rawTarget, headers, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ServiceCallException($"cannot reach the Arca server at {Endpoint}: {e.Message}");
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? parsed = TryParse(text, response.Content.Headers.ContentType);
            if (response.IsSuccessStatusCode)
            {
                return parsed ?? [];
            }

            string code = parsed?["Code"]?.GetValue<string>() ?? parsed?["__type"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
            string message = parsed?["Message"]?.GetValue<string>() ?? parsed?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "no message";
            throw new ServiceCallException($"({code}) {message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static JsonObject? TryParse(string text, MediaTypeHeaderValue? type)
    {
        if (text.Length == 0 || type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
