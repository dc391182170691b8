using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Api.Client;
using Arca.Cli.Client;

namespace Arca.Cli.Organizations;

/// <summary>
/// Calls an Arca server's Organizations service (awsJson1.1) for the client commands: signs with the resolved settings and turns
/// AWS error bodies into <see cref="OrganizationsCallException"/>s.
/// </summary>
internal sealed class OrganizationsClient(AwsClientSettings settings, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = timeout ?? TimeSpan.FromMinutes(2) };

    /// <summary>Sends <paramref name="json"/> to the operation <paramref name="target"/> (<c>Prefix.Operation</c>) and returns the answer.</summary>
    /// <exception cref="OrganizationsCallException">The server answered with an error, or could not be reached.</exception>
    public async Task<JsonObject> CallAsync(string target, string json, CancellationToken cancellationToken)
    {
        Uri endpoint = settings.EndpointUrl
            ?? throw new AwsClientConfigurationException("No endpoint: give --endpoint-url, set AWS_ENDPOINT_URL, or set endpoint_url in the profile.");
        var client = new SigV4HttpClient(_http, endpoint, settings.Region, settings.Credentials, TimeProvider.System);
        HttpResponseMessage response;
        try
        {
            response = await client.PostJsonAsync("organizations", target, json, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new OrganizationsCallException($"cannot reach the Arca server at {endpoint}: {e.Message}", e);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? body = TryParse(text);
            if (response.IsSuccessStatusCode)
            {
                return body ?? [];
            }

            string code = body?["__type"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
            string message = body?["Message"]?.GetValue<string>() ?? body?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "no message";
            throw new OrganizationsCallException($"({code[(code.LastIndexOf('#') + 1)..]}) {message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
