using System.Text;
using System.Text.Json;
using Arca.Api.Client;

namespace Arca.Api.Tests.Server;

/// <summary>KMS over the real listener: AWS's wire shapes (epoch numbers, base64 blobs), AWS-shaped errors naming the field, cross-account key policies.</summary>
public sealed class KmsEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateKey_answers_aws_key_metadata()
    {
        (int status, JsonElement body) = await CallAsync("CreateKey", """{"Description":"d","Tags":[{"TagKey":"team","TagValue":"blue"}]}""");
        Assert.Equal(200, status);
        JsonElement key = body.GetProperty("KeyMetadata");
        Assert.Equal(_server.AccountId, key.GetProperty("AWSAccountId").GetString());
        Assert.StartsWith($"arn:aws:kms:us-east-1:{_server.AccountId}:key/", key.GetProperty("Arn").GetString());
        Assert.Equal(JsonValueKind.Number, key.GetProperty("CreationDate").ValueKind);
        Assert.Equal(new DateTimeOffset(TestServer.T0.UtcDateTime).ToUnixTimeSeconds(), key.GetProperty("CreationDate").GetDouble());
        Assert.Equal(("Enabled", "CUSTOMER", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", true),
            (key.GetProperty("KeyState").GetString(), key.GetProperty("KeyManager").GetString(), key.GetProperty("KeySpec").GetString(),
             key.GetProperty("KeyUsage").GetString(), key.GetProperty("Origin").GetString(), key.GetProperty("Enabled").GetBoolean()));
        Assert.Equal("SYMMETRIC_DEFAULT", key.GetProperty("EncryptionAlgorithms")[0].GetString());
        Assert.False(key.TryGetProperty("DeletionDate", out _));

        string keyId = key.GetProperty("KeyId").GetString()!;
        (_, JsonElement tags) = await CallAsync("ListResourceTags", $$"""{"KeyId":"{{keyId}}"}""");
        Assert.Equal("blue", tags.GetProperty("Tags")[0].GetProperty("TagValue").GetString());
        Assert.False(tags.GetProperty("Truncated").GetBoolean());
    }

    [Fact]
    public async Task Encrypt_and_decrypt_carry_base64_blobs_and_bind_the_context()
    {
        string keyId = await CreateKeyAsync();
        string plaintext = Convert.ToBase64String("round trip"u8);
        (int status, JsonElement encrypted) = await CallAsync("Encrypt", $$$"""{"KeyId":"{{{keyId}}}","Plaintext":"{{{plaintext}}}","EncryptionContext":{"a":"1"}}""");
        Assert.Equal(200, status);
        string blob = encrypted.GetProperty("CiphertextBlob").GetString()!;
        Assert.Equal("SYMMETRIC_DEFAULT", encrypted.GetProperty("EncryptionAlgorithm").GetString());

        (status, JsonElement decrypted) = await CallAsync("Decrypt", $$$"""{"CiphertextBlob":"{{{blob}}}","EncryptionContext":{"a":"1"}}""");
        Assert.Equal((200, plaintext), (status, decrypted.GetProperty("Plaintext").GetString()));
        Assert.EndsWith(keyId, decrypted.GetProperty("KeyId").GetString());

        (status, JsonElement wrong) = await CallAsync("Decrypt", $$$"""{"CiphertextBlob":"{{{blob}}}","EncryptionContext":{"a":"2"}}""");
        Assert.Equal((400, "InvalidCiphertextException"), (status, wrong.GetProperty("__type").GetString()));
        Assert.True(wrong.TryGetProperty("message", out _));
    }

    [Theory]
    [InlineData("CreateKey", """{"KeySpec":"RSA"}""", "ValidationException", "'keySpec'")]
    [InlineData("CreateKey", """{"KeySpec":"RSA_2048"}""", "UnsupportedOperationException", "KeySpec RSA_2048")]
    [InlineData("CreateKey", """{"Policy":"{}"}""", "MalformedPolicyDocumentException", "Statement")]
    [InlineData("CreateKey", """{"Tags":[{"TagKey":"aws:x","TagValue":"v"}]}""", "TagException", "aws:")]
    [InlineData("CreateKey", """{"Tags":[{"TagValue":"v"}]}""", "ValidationException", "'tags.1.member.tagKey'")]
    [InlineData("CreateKey", """{"Description":"\uD800"}""", "SerializationException", "$.Description")]
    [InlineData("DescribeKey", """{"KeyId":"alias/"}""", "NotFoundException", "Invalid keyId alias/")]
    [InlineData("Encrypt", """{"KeyId":"alias/none","Plaintext":"eA=="}""", "NotFoundException", "alias/none is not found.")]
    [InlineData("Encrypt", """{"KeyId":"alias/none"}""", "ValidationException", "'plaintext'")]
    [InlineData("Encrypt", """{"KeyId":"alias/none","Plaintext":"not base64!"}""", "SerializationException", "$.Plaintext")]
    [InlineData("Decrypt", """{}""", "ValidationException", "'ciphertextBlob'")]
    [InlineData("Decrypt", """{"CiphertextBlob":"AAAA"}""", "InvalidCiphertextException", "")]
    [InlineData("DescribeKey", """{}""", "ValidationException", "Value null at 'keyId'")]
    [InlineData("ScheduleKeyDeletion", """{"KeyId":"x","PendingWindowInDays":3}""", "ValidationException", "'pendingWindowInDays'")]
    [InlineData("ListKeys", """{"Limit":0}""", "ValidationException", "'limit'")]
    [InlineData("ListKeys", """{"Marker":"forged"}""", "InvalidMarkerException", "marker")]
    [InlineData("CreateAlias", """{"AliasName":"alias/aws/x","TargetKeyId":"x"}""", "NotAuthorizedException", "alias/aws/")]
    [InlineData("GenerateDataKey", """{"KeyId":"x"}""", "ValidationException", "number of bytes or key spec")]
    [InlineData("GetKeyPolicy", """{"KeyId":"x","PolicyName":"other"}""", "NotFoundException", "No such policy exists")]
    [InlineData("Encrypt", """{"KeyId":"x","Plaintext":"eA==","GrantTokens":["t"]}""", "InvalidGrantTokenException", "grant")]
    [InlineData("Sign", """{}""", "UnsupportedOperationException", "TrentService.Sign")]
    public async Task Bad_input_is_an_aws_error_naming_the_field(string operation, string body, string code, string message)
    {
        (int status, JsonElement error) = await CallAsync(operation, body);
        Assert.InRange(status, 400, 499);
        Assert.Equal(code, error.GetProperty("__type").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_account_is_denied_until_the_key_policy_names_it()
    {
        (string other, AwsCredentials otherRoot) = await _server.NewAccountAsync("other");
        string keyId = await CreateKeyAsync();
        string arn = $"arn:aws:kms:us-east-1:{_server.AccountId}:key/{keyId}";
        string encrypt = $$"""{"KeyId":"{{arn}}","Plaintext":"eA=="}""";

        (int status, JsonElement denied) = await CallAsync("Encrypt", encrypt, otherRoot);
        Assert.Equal((400, "AccessDeniedException"), (status, denied.GetProperty("__type").GetString()));
        Assert.Contains($"arn:aws:iam::{other}:root is not authorized to perform: kms:Encrypt on resource: {arn}", denied.GetProperty("message").GetString());

        string policy = JsonSerializer.Serialize($$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{_server.AccountId}}"},"Action":"kms:*","Resource":"*"},
              {"Effect":"Allow","Principal":{"AWS":"{{other}}"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"}]}
            """);
        (status, _) = await CallAsync("PutKeyPolicy", $$"""{"KeyId":"{{keyId}}","PolicyName":"default","Policy":{{policy}}}""");
        Assert.Equal(200, status);
        (status, JsonElement encrypted) = await CallAsync("Encrypt", encrypt, otherRoot);
        Assert.Equal(200, status);
        (status, _) = await CallAsync("Decrypt", $$"""{"CiphertextBlob":"{{encrypted.GetProperty("CiphertextBlob").GetString()}}"}""");
        Assert.Equal(200, status);

        (status, JsonElement disable) = await CallAsync("DisableKey", $$"""{"KeyId":"{{arn}}"}""", otherRoot);
        Assert.Equal((404, "NotFoundException"), (status, disable.GetProperty("__type").GetString()));
    }

    [Fact]
    public async Task Keys_are_regional_on_the_wire()
    {
        string keyId = await CreateKeyAsync();
        using HttpResponseMessage response = await _server.Client(region: "eu-west-1").PostJsonAsync("kms", "TrentService.DescribeKey", $$"""{"KeyId":"{{keyId}}"}""");
        Assert.Equal(404, (int)response.StatusCode);
        using HttpResponseMessage list = await _server.Client(region: "eu-west-1").PostJsonAsync("kms", "TrentService.ListKeys", "{}");
        Assert.Equal(0, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("Keys").GetArrayLength());
    }

    [Fact]
    public async Task Plaintexts_and_data_keys_never_reach_the_log()
    {
        string keyId = await CreateKeyAsync();
        string plaintext = Convert.ToBase64String(Encoding.UTF8.GetBytes("top-secret-4b1d"));
        (_, JsonElement encrypted) = await CallAsync("Encrypt", $$"""{"KeyId":"{{keyId}}","Plaintext":"{{plaintext}}"}""");
        await CallAsync("Decrypt", $$$"""{"CiphertextBlob":"{{{encrypted.GetProperty("CiphertextBlob").GetString()}}}","EncryptionContext":{"x":"y"}}""");
        (_, JsonElement dataKey) = await CallAsync("GenerateDataKey", $$"""{"KeyId":"{{keyId}}","KeySpec":"AES_256"}""");
        string logs = _server.Logs.Text;
        Assert.DoesNotContain("top-secret-4b1d", logs);
        Assert.DoesNotContain(plaintext, logs);
        Assert.DoesNotContain(dataKey.GetProperty("Plaintext").GetString()!, logs);
    }

    private async Task<string> CreateKeyAsync()
    {
        (int status, JsonElement body) = await CallAsync("CreateKey", "{}");
        Assert.Equal(200, status);
        return body.GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
    }

    private async Task<(int Status, JsonElement Body)> CallAsync(string operation, string body, AwsCredentials? credentials = null)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("kms", "TrentService." + operation, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
