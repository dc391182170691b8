using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Api.Protocols;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Every registered KMS operation, fed hostile values in every member the model has, answers a 4xx (or 200) in the awsJson error shape, never a 500.</summary>
public sealed class KmsRobustnessTests : IAsyncLifetime
{
    private static readonly string[] StringMembers =
    [
        "KeyId", "Policy", "Description", "KeyUsage", "CustomerMasterKeySpec", "KeySpec", "Origin", "CustomKeyStoreId", "XksKeyId", "PolicyName",
        "AliasName", "TargetKeyId", "Marker", "EncryptionAlgorithm", "SourceKeyId", "DestinationKeyId", "SourceEncryptionAlgorithm",
        "DestinationEncryptionAlgorithm",
    ];

    private static readonly string[] IntMembers = ["Limit", "PendingWindowInDays", "NumberOfBytes"];
    private static readonly string[] BoolMembers = ["BypassPolicyLockoutSafetyCheck", "MultiRegion", "DryRun"];
    private static readonly string[] BlobMembers = ["Plaintext", "CiphertextBlob"];
    private static readonly string[] MapMembers = ["EncryptionContext", "SourceEncryptionContext", "DestinationEncryptionContext"];

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hostile_values_in_any_member_of_any_operation_never_cause_a_500()
    {
        using HttpResponseMessage created = await _server.Client().PostJsonAsync("kms", "TrentService.CreateKey", "{}");
        JsonElement key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("KeyMetadata");
        string[] strings =
        [
            string.Empty, " ", "\u0001\u0002<&>\"'", "alias/", "alias/aws/backup", "arn:aws:kms:us-east-1:123456789012:alias/", "arn:aws:kms:us-east-1::key/x",
            key.GetProperty("KeyId").GetString()!, key.GetProperty("Arn").GetString()!, new string('x', 140_000), "{\"Statement\":[{}]}", "é\U0001F600\uD800",
            "00000000-0000-0000-0000-000000000000",
        ];
        long[] ints = [-1, 0, 7, 1025, int.MaxValue];
        string[] blobs = [string.Empty, Convert.ToBase64String(new byte[70]), Convert.ToBase64String(new byte[7000]), "AQ=="];
        JsonNode?[] maps = [new JsonObject { [string.Empty] = string.Empty }, new JsonObject { ["k"] = null }, new JsonObject { ["k"] = new string('v', 10_000) }];
        JsonNode?[] lists = [new JsonArray(), new JsonArray("t"), new JsonArray((JsonNode?)null)];
        JsonNode?[] tags = [new JsonArray(new JsonObject { ["TagKey"] = null }), new JsonArray(new JsonObject { ["TagKey"] = "k", ["TagValue"] = "v" }), new JsonArray((JsonNode?)null)];

        AwsProtocols protocols = _server.Server.Services.GetRequiredService<AwsProtocols>();
        var failures = new List<string>();
        foreach (string operation in protocols.Json("kms").Operations)
        {
            for (int round = 0; round < strings.Length; round++)
            {
                var body = new JsonObject();
                foreach (string member in StringMembers)
                {
                    body[member] = strings[(round + member.Length) % strings.Length];
                }

                foreach (string member in IntMembers)
                {
                    body[member] = ints[round % ints.Length];
                }

                foreach (string member in BoolMembers)
                {
                    body[member] = round % 2 == 0;
                }

                foreach (string member in BlobMembers)
                {
                    body[member] = blobs[round % blobs.Length];
                }

                foreach (string member in MapMembers)
                {
                    body[member] = maps[round % maps.Length]?.DeepClone();
                }

                body["GrantTokens"] = lists[round % lists.Length]?.DeepClone();
                body["TagKeys"] = lists[(round + 1) % lists.Length]?.DeepClone();
                body["Tags"] = tags[round % tags.Length]?.DeepClone();
                using HttpResponseMessage response = await _server.Client().PostJsonAsync("kms", "TrentService." + operation, body.ToJsonString());
                string text = await response.Content.ReadAsStringAsync();
                int status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && !JsonDocument.Parse(text).RootElement.TryGetProperty("message", out _)))
                {
                    failures.Add($"{operation} round {round}: {status} {text[..Math.Min(300, text.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(24, protocols.Json("kms").Operations.Count);
    }
}
