using System.Text.Json;

namespace Arca.Tests.Server;

/// <summary>
/// KMS of the real <c>arca server</c> process driven by real clients: the Debian AWS CLI (create-key, create-alias, an
/// encrypt/decrypt round trip of a binary file, errors) and the JS SDK v3 with two accounts (tests/clients/kms.mjs).
/// </summary>
public sealed class KmsConformanceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-kms-").FullName;
    private ArcaServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ArcaServerProcess.StartAsync(_dir);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [RealClientFact("aws")]
    public async Task The_cli_creates_a_key_and_an_alias_and_round_trips_a_binary_file()
    {
        JsonElement created = await CliJsonAsync("kms", "create-key", "--description", "cli key");
        JsonElement key = created.GetProperty("KeyMetadata");
        string keyId = key.GetProperty("KeyId").GetString()!;
        Assert.Equal(($"arn:aws:kms:us-east-1:{_server.AccountId}:key/{keyId}", "Enabled", "CUSTOMER"),
            (key.GetProperty("Arn").GetString(), key.GetProperty("KeyState").GetString(), key.GetProperty("KeyManager").GetString()));
        await CliJsonAsync("kms", "create-alias", "--alias-name", "alias/cli", "--target-key-id", keyId);

        byte[] plaintext = [0, 1, 2, 0xFF, 0xFE, .. "binary \n payload"u8];
        string plainFile = Path.Combine(_dir, "plain.bin");
        await File.WriteAllBytesAsync(plainFile, plaintext);
        JsonElement encrypted = await CliJsonAsync(
            "kms", "encrypt", "--key-id", "alias/cli", "--plaintext", "fileb://" + plainFile, "--encryption-context", "purpose=test");
        Assert.Equal(key.GetProperty("Arn").GetString(), encrypted.GetProperty("KeyId").GetString());
        string cipherFile = Path.Combine(_dir, "cipher.bin");
        await File.WriteAllBytesAsync(cipherFile, Convert.FromBase64String(encrypted.GetProperty("CiphertextBlob").GetString()!));

        JsonElement decrypted = await CliJsonAsync("kms", "decrypt", "--ciphertext-blob", "fileb://" + cipherFile, "--encryption-context", "purpose=test");
        Assert.Equal(plaintext, Convert.FromBase64String(decrypted.GetProperty("Plaintext").GetString()!));

        ToolRun.Result wrong = await CliAsync("kms", "decrypt", "--ciphertext-blob", "fileb://" + cipherFile, "--encryption-context", "purpose=other");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("(InvalidCiphertextException)", wrong.Stderr);

        ToolRun.Result reserved = await CliAsync("kms", "create-alias", "--alias-name", "alias/aws/backup", "--target-key-id", keyId);
        Assert.Contains("(NotAuthorizedException)", reserved.Stderr);

        JsonElement backup = (await CliJsonAsync("kms", "describe-key", "--key-id", "alias/aws/backup")).GetProperty("KeyMetadata");
        Assert.Equal(("AWS", "Default key that protects my backups when no other key is defined"),
            (backup.GetProperty("KeyManager").GetString(), backup.GetProperty("Description").GetString()));
    }

    [RealClientFact("node")]
    public async Task One_member_cannot_use_another_members_key_unless_its_key_policy_allows_it()
    {
        (string keyIdA, string secretA) = _server.RootKey();
        (_, string keyIdB, string secretB) = await ServerAccounts.CreateAsync(_dir, "member-b");
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "kms.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["A_ACCESS_KEY_ID"] = keyIdA,
            ["A_SECRET_ACCESS_KEY"] = secretA,
            ["B_ACCESS_KEY_ID"] = keyIdB,
            ["B_SECRET_ACCESS_KEY"] = secretB,
        }, clients);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout);
    }

    private Task<ToolRun.Result> CliAsync(params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"], new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
            ["AWS_PROFILE"] = "management",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
        });

    private async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
