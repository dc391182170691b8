using System.Text.Json;
using System.Xml.Linq;
using Arca.Api.Client;

namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>
/// Creates the data the pages should show, through the same API the console calls, signed by Arca's own
/// <see cref="SigV4HttpClient"/> as one principal.
/// </summary>
internal sealed class ApiClient(HttpClient http, Uri endpoint, AwsCredentials credentials)
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    public AwsCredentials Credentials => credentials;

    /// <summary>A Backup (restJson1) call.</summary>
    public async Task<ApiAnswer> BackupAsync(string region, string method, string target, object? body = null)
    {
        byte[] bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body);
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await Client(region).SendAsync("backup", method, target, headers, bytes);
        return await ApiAnswer.ReadAsync(response);
    }

    /// <summary>An Organizations call.</summary>
    public Task<ApiAnswer> OrganizationsAsync(string operation, object input) =>
        JsonAsync("organizations", "us-east-1", "AWSOrganizationsV20161128." + operation, input);

    /// <summary>An awsJson1.1 call (Organizations, KMS).</summary>
    public async Task<ApiAnswer> JsonAsync(string service, string region, string target, object input)
    {
        using HttpResponseMessage response = await Client(region).PostJsonAsync(service, target, JsonSerializer.Serialize(input));
        return await ApiAnswer.ReadAsync(response);
    }

    /// <summary>An awsQuery call (STS, IAM) that must succeed; returns the XML answer.</summary>
    public async Task<XElement> QueryAsync(string service, string action, string version, params (string Name, string Value)[] parameters)
    {
        (int status, string text) = await TryQueryAsync(service, action, version, parameters);
        Assert.True(status is >= 200 and < 300, $"{service} {action}: {status} {text}");
        return XElement.Parse(text);
    }

    /// <summary>An awsQuery call: its status and body, whatever they are.</summary>
    public async Task<(int Status, string Text)> TryQueryAsync(string service, string action, string version, params (string Name, string Value)[] parameters)
    {
        using HttpResponseMessage response = await Client("us-east-1").PostQueryAsync(service, action, version, parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Temporary credentials of <paramref name="roleArn"/> (sts:AssumeRole): the console signs with a session token then.</summary>
    public async Task<AwsCredentials> AssumeRoleAsync(string roleArn, string sessionName)
    {
        XElement answer = await QueryAsync("sts", "AssumeRole", "2011-06-15", ("RoleArn", roleArn), ("RoleSessionName", sessionName));
        XElement keys = answer.Descendants(Sts + "Credentials").Single();
        return new AwsCredentials(keys.Element(Sts + "AccessKeyId")!.Value, keys.Element(Sts + "SecretAccessKey")!.Value, keys.Element(Sts + "SessionToken")!.Value);
    }

    /// <summary>The same client signing as someone else.</summary>
    public ApiClient As(AwsCredentials other) => new(http, endpoint, other);

    private SigV4HttpClient Client(string region) => new(http, endpoint, region, credentials, TimeProvider.System);
}
