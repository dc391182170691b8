using System.Xml.Linq;
using Arca.Api.Protocols;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Every registered STS and IAM action, fed hostile values in every parameter it reads, answers a 4xx in the awsQuery error shape.</summary>
public sealed class QueryRobustnessTests : IAsyncLifetime
{
    private static readonly string[] Names =
    [
        "RoleName", "Path", "PathPrefix", "AssumeRolePolicyDocument", "PolicyDocument", "PolicyName", "Description", "MaxSessionDuration",
        "MaxItems", "Marker", "RoleArn", "RoleSessionName", "DurationSeconds", "ExternalId", "Tags.member.1.Key", "Tags.member.1.Value",
    ];

    private static readonly string[] Values =
    [
        string.Empty, " ", "\u0001\u0002<&>\"'", "-1", "99999999999999999999", new string('x', 140_000), "{\"Statement\":[{}]}",
        "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/a/b/c", "/../", "é\U0001F600\uD800",
    ];

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hostile_values_in_any_parameter_of_any_action_never_cause_a_500()
    {
        AwsProtocols protocols = _server.Server.Services.GetRequiredService<AwsProtocols>();
        var failures = new List<string>();
        foreach (string service in new[] { "sts", "iam" })
        {
            foreach (string action in protocols.Query(service).Actions)
            {
                foreach (string value in Values)
                {
                    (string, string)[] parameters = [.. Names.Select(n => (n, value))];
                    (int status, XElement xml) = await _server.QueryAsync(service, action, null, parameters);
                    if (status >= 500 || (status >= 400 && xml.Name.LocalName != "ErrorResponse"))
                    {
                        failures.Add($"{service} {action} with '{value[..Math.Min(20, value.Length)]}': {status} {xml}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Contains("AssumeRole", protocols.Query("sts").Actions);
        Assert.Equal(11, protocols.Query("iam").Actions.Count);
    }
}
