using System.Text.Json;
using Arca.Api.Client;
using Arca.Api.Protocols;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Every registered Organizations operation, fed hostile JSON in every member it reads, answers a 4xx in the awsJson error shape.</summary>
public sealed class OrganizationsRobustnessTests : IAsyncLifetime
{
    private static readonly string[] Members =
    [
        "FeatureSet", "NextToken", "MaxResults", "ParentId", "Name", "Tags", "OrganizationalUnitId", "ChildType", "ChildId", "Email", "AccountName",
        "RoleName", "IamUserAccessToBilling", "CreateAccountRequestId", "States", "AccountId", "SourceParentId", "DestinationParentId", "ServicePrincipal",
        "Content", "Description", "Type", "PolicyId", "TargetId", "Filter", "RootId", "PolicyType",
    ];

    private static readonly string[] Values =
    [
        "null", "\"\"", "\" \"", "\"\\u0001<&>\\\"'\"", "-1", "99999999999999999999", "1.5", "true", "[]", "{}", "[null]", "[{}]",
        "[{\"Key\":null,\"Value\":null}]", "\"" + new string('x', 140_000) + "\"", "\"r-abcd\"", "\"ou-abcd-12345678\"", "\"111111111111\"",
        "\"é\\ud83d\\ude00\\ud800\"", "\"car-00000000\"", "\"backup.amazonaws.com\"", "\"p-00000000\"", "\"BACKUP_POLICY\"",
        "\"{\\\"plans\\\":{}}\"",
    ];

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hostile_values_in_any_member_of_any_operation_never_cause_a_500()
    {
        await CallAsync("CreateOrganization", "{}", null);
        await CallAsync("CreateAccount", """{"Email":"m@example.com","AccountName":"M"}""", null);
        (_, AwsCredentials outsider) = await _server.NewAccountAsync("outsider");
        AwsProtocols protocols = _server.Server.Services.GetRequiredService<AwsProtocols>();
        var failures = new List<string>();
        foreach (string operation in protocols.Json("organizations").Operations.Where(o => o != "DeleteOrganization"))
        {
            foreach (string value in Values)
            {
                string body = "{" + string.Join(',', Members.Select(m => $"\"{m}\":{value}")) + "}";
                foreach (AwsCredentials? caller in new[] { null, outsider })
                {
                    (int status, JsonElement json) = await CallAsync(operation, body, caller);
                    bool wrong = status == 200 ? !MaySucceed(operation) : status >= 500 || !json.TryGetProperty("__type", out _);
                    if (wrong)
                    {
                        failures.Add($"{operation} {value[..Math.Min(value.Length, 20)]}: {status} {json.GetRawText()[..Math.Min(json.GetRawText().Length, 200)]}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(200, (await CallAsync("DescribeOrganization", "{}", null)).Status);
    }

    /// <summary>Operations whose members are all optional may succeed with such input (the outsider creates its own organization).</summary>
    private static bool MaySucceed(string operation) =>
        operation is "CreateOrganization" or "DescribeOrganization" or "ListRoots" or "ListAccounts" or "ListAWSServiceAccessForOrganization"
            or "ListCreateAccountStatus" or "ListDelegatedAdministrators" or "EnableAWSServiceAccess" or "DisableAWSServiceAccess";

    private async Task<(int Status, JsonElement Json)> CallAsync(string operation, string body, AwsCredentials? credentials)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("organizations", "AWSOrganizationsV20161128." + operation, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
