using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Arca.Api.Client;

namespace Arca.Cli.Quickstart;

/// <summary>
/// One principal's signed calls to the server, in one region, through the same SigV4 client and wire protocols the AWS
/// CLI uses: restJson1 (Backup), awsJson1.1 (Organizations, KMS), awsQuery (STS, IAM). An error answer becomes a
/// <see cref="QuickstartException"/> naming the operation and AWS's code and message.
/// </summary>
internal sealed class QuickstartClient(HttpClient http, Uri endpoint, string region, AwsCredentials credentials)
{
    private readonly SigV4HttpClient _client = new(http, endpoint, region, credentials, TimeProvider.System);

    public string Region { get; } = region;

    /// <summary>The same principal in another region.</summary>
    public QuickstartClient In(string otherRegion) => new(http, endpoint, otherRegion, credentials);

    /// <summary>A Backup (restJson1) call; <paramref name="body"/> null sends no body.</summary>
    public async Task<JsonObject> BackupAsync(string operation, string method, string rawTarget, JsonObject? body, CancellationToken cancellationToken)
    {
        byte[] bytes = body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString());
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await _client.SendAsync("backup", method, rawTarget, headers, bytes, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync("backup", operation, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An Organizations call (awsJson1.1, <c>AWSOrganizationsV20161128.Operation</c>).</summary>
    public Task<JsonObject> OrganizationsAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        JsonAsync("organizations", "AWSOrganizationsV20161128", operation, body, cancellationToken);

    /// <summary>An Arca extension on the Organizations endpoint (<c>ArcaOrganizations.Operation</c>).</summary>
    public Task<JsonObject> ArcaOrganizationsAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        JsonAsync("organizations", "ArcaOrganizations", operation, body, cancellationToken);

    /// <summary>An Arca layout operation on the Organizations endpoint (<c>ArcaLayouts.Operation</c>, docs/design/layout.md §7).</summary>
    public Task<JsonObject> ArcaLayoutsAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        JsonAsync("organizations", "ArcaLayouts", operation, body, cancellationToken);

    /// <summary>A KMS call (awsJson1.1, <c>TrentService.Operation</c>).</summary>
    public Task<JsonObject> KmsAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        JsonAsync("kms", "TrentService", operation, body, cancellationToken);

    /// <summary>An IAM call (awsQuery, version 2010-05-08).</summary>
    public Task<XElement> IamAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        QueryAsync("iam", action, "2010-05-08", parameters, cancellationToken);

    /// <summary>STS AssumeRole: the session's credentials.</summary>
    public async Task<AwsCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken cancellationToken)
    {
        XElement result = await QueryAsync("sts", "AssumeRole", "2011-06-15", [new("RoleArn", roleArn), new("RoleSessionName", sessionName)], cancellationToken)
            .ConfigureAwait(false);
        XElement credentials = result.Descendants().First(e => e.Name.LocalName == "Credentials");
        string Value(string name) => credentials.Elements().First(e => e.Name.LocalName == name).Value;
        return new AwsCredentials(Value("AccessKeyId"), Value("SecretAccessKey"), Value("SessionToken"));
    }

    private async Task<JsonObject> JsonAsync(string service, string prefix, string operation, JsonObject body, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _client.PostJsonAsync(service, $"{prefix}.{operation}", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(service, operation, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<XElement> QueryAsync(
        string service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _client.PostQueryAsync(service, action, version, parameters, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        XElement root;
        try
        {
            root = XElement.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            throw new QuickstartException($"{service} {action}: HTTP {(int)response.StatusCode} with a body that is not XML");
        }

        if (!response.IsSuccessStatusCode)
        {
            string code = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? $"HTTP {(int)response.StatusCode}";
            string message = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? string.Empty;
            throw new QuickstartException($"{service} {action}: ({code}) {message}");
        }

        return root;
    }

    private static async Task<JsonObject> ReadJsonAsync(string service, string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? parsed = Parse(text, response.Content.Headers.ContentType);
        if (response.IsSuccessStatusCode)
        {
            return parsed ?? [];
        }

        string code = parsed?["__type"]?.GetValue<string>() ?? parsed?["Code"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
        int hash = code.LastIndexOf('#');
        string message = parsed?["Message"]?.GetValue<string>() ?? parsed?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? string.Empty;
        throw new QuickstartException(string.Create(CultureInfo.InvariantCulture, $"{service} {operation}: ({code[(hash + 1)..]}) {message}"));
    }

    private static JsonObject? Parse(string text, MediaTypeHeaderValue? type)
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
