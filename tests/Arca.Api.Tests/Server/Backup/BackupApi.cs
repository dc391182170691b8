using System.Text;
using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Calls the Backup service of a <see cref="TestServer"/> over signed HTTP, as the CLIs do (restJson1).</summary>
internal sealed class BackupApi(TestServer server)
{
    public const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public TestServer Server { get; } = server;

    public static string Escape(string label) => Uri.EscapeDataString(label);

    /// <summary>Sends one request and returns the status, the error code header (or null) and the JSON body.</summary>
    public Task<Reply> SendAsync(string method, string path, string? body = null, AwsCredentials? credentials = null, string region = "us-east-1") =>
        SendBytesAsync(method, path, body is null ? null : Encoding.UTF8.GetBytes(body), credentials, region);

    /// <summary>As <see cref="SendAsync"/> with the body's bytes as given (they need not be UTF-8).</summary>
    public async Task<Reply> SendBytesAsync(string method, string path, byte[]? body, AwsCredentials? credentials = null, string region = "us-east-1")
    {
        byte[] bytes = body ?? [];
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await Server.Client(credentials, region).SendAsync("backup", method, path, headers, bytes);
        string text = await response.Content.ReadAsStringAsync();
        string? code = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return new Reply((int)response.StatusCode, code, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>Sends and asserts a 200.</summary>
    public async Task<JsonElement> OkAsync(string method, string path, string? body = null, AwsCredentials? credentials = null, string region = "us-east-1")
    {
        Reply reply = await SendAsync(method, path, body, credentials, region);
        Assert.True(reply.Status == 200, $"{method} {path}: {reply.Status} {reply.Text}");
        return reply.Json;
    }

    public async Task AddVaultAsync(string vault, string? accountId = null, string region = "us-east-1")
    {
        string account = accountId ?? Server.AccountId;
        await Server.Server.Services.GetRequiredService<RegionSet>().Get(region).Store.TransactAsync(
            tx => tx.PutAsync("vaults", $"{account}/{vault}", "{}", new Control.Metadata.IndexFields(account)));
    }

    public async Task<string> CreateRoleAsync(string name = "cabrole", AwsCredentials? credentials = null)
    {
        (int status, System.Xml.Linq.XElement xml) = await Server.QueryAsync("iam", "CreateRole", credentials, ("RoleName", name), ("AssumeRolePolicyDocument", Trust));
        Assert.Equal(200, status);
        return TestServer.Value(xml, "Arn")!;
    }

    public async Task<JsonElement> CreatePlanAsync(string name = "cabplan", string vault = "cabvault", string extra = "")
    {
        JsonElement created = await OkAsync("PUT", "/backup/plans/", $$"""{"BackupPlan":{"BackupPlanName":"{{name}}","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"{{vault}}"}]}{{extra}}}""");
        return created;
    }

    internal sealed record Reply(int Status, string? Code, JsonElement Json, string Text)
    {
        public string Message => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("Message", out JsonElement m) ? m.GetString()! : string.Empty;
    }
}
