using System.Text.Json;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;

namespace Arca.Tests.Server;

/// <summary>
/// Backup vaults, access policies, vault lock and recovery points driven by real clients: the Debian AWS CLI and the JS SDK
/// v3 (tests/clients/backup-vaults.mjs), against Arca's server hosted in-process on its embedded defaults, whose own services
/// write the recovery points (the backup jobs are another wave's).
/// </summary>
public sealed class VaultRealClientTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-vaults-").FullName;
    private InProcessArcaServer _server = null!;

    public async Task InitializeAsync() => _server = await InProcessArcaServer.StartAsync(_dir);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [RealClientFact("aws")]
    public async Task The_debian_cli_creates_a_vault_under_a_kms_key_describes_lists_and_deletes_it()
    {
        string keyArn = (await CliJsonAsync("kms", "create-key", "--description", "vault key")).GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;

        // AWS's pattern is ^[a-zA-Z0-9\-\_]{2,50}$: a one-character name is refused, naming the field.
        ToolRun.Result tooShort = await CliAsync("backup", "create-backup-vault", "--backup-vault-name", "v", "--encryption-key-arn", keyArn);
        AssertCliError(tooShort, "InvalidParameterValueException", "CreateBackupVault", ": BackupVaultName: 'v' must be 2 to 50 characters");

        JsonElement created = await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "vv", "--encryption-key-arn", keyArn);
        Assert.Equal($"arn:aws:backup:us-east-1:{_server.AccountId}:backup-vault:vv", created.GetProperty("BackupVaultArn").GetString());

        JsonElement described = await CliJsonAsync("backup", "describe-backup-vault", "--backup-vault-name", "vv");
        Assert.Equal((keyArn, 0L), (described.GetProperty("EncryptionKeyArn").GetString(), described.GetProperty("NumberOfRecoveryPoints").GetInt64()));

        await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "ww");
        JsonElement listed = await CliJsonAsync("backup", "list-backup-vaults", "--page-size", "1");
        Assert.Equal(["vv", "ww"], listed.GetProperty("BackupVaultList").EnumerateArray().Select(v => v.GetProperty("BackupVaultName").GetString()));

        ToolRun.Result missing = await CliAsync("backup", "describe-backup-vault", "--backup-vault-name", "nope");
        AssertCliError(missing, "ResourceNotFoundException", "DescribeBackupVault", $": Backup vault nope not found in account {_server.AccountId} and region us-east-1");
        ToolRun.Result badKey = await CliAsync("backup", "create-backup-vault", "--backup-vault-name", "x1", "--encryption-key-arn", "arn:aws:kms:eu-west-1:111111111111:key/k");
        Assert.Contains("(InvalidParameterValueException)", badKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("needs a KMS key of us-east-1", badKey.Stderr, StringComparison.Ordinal);

        await CliAsync("backup", "delete-backup-vault", "--backup-vault-name", "ww");
        ToolRun.Result gone = await CliAsync("backup", "describe-backup-vault", "--backup-vault-name", "ww");
        Assert.Contains("(ResourceNotFoundException)", gone.Stderr, StringComparison.Ordinal);
    }

    [RealClientFact("aws")]
    public async Task The_debian_cli_puts_an_access_policy_and_a_vault_lock_with_errors_naming_the_field()
    {
        await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "vv");
        string policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{_server.AccountId}}:root"},"Action":"backup:CopyIntoBackupVault","Resource":"*"}]}""";
        Assert.Equal(0, (await CliAsync("backup", "put-backup-vault-access-policy", "--backup-vault-name", "vv", "--policy", policy)).ExitCode);
        Assert.Equal(policy, (await CliJsonAsync("backup", "get-backup-vault-access-policy", "--backup-vault-name", "vv")).GetProperty("Policy").GetString());
        ToolRun.Result malformed = await CliAsync("backup", "put-backup-vault-access-policy", "--backup-vault-name", "vv", "--policy", """{"Statement":[{"Effect":"Allow"}]}""");
        AssertCliError(malformed, "InvalidParameterValueException", "PutBackupVaultAccessPolicy", ": Policy: ");

        Assert.Equal(0, (await CliAsync("backup", "put-backup-vault-lock-configuration", "--backup-vault-name", "vv",
            "--min-retention-days", "7", "--max-retention-days", "30", "--changeable-for-days", "3")).ExitCode);
        JsonElement locked = await CliJsonAsync("backup", "describe-backup-vault", "--backup-vault-name", "vv");
        Assert.Equal((true, 7L, 30L), (locked.GetProperty("Locked").GetBoolean(), locked.GetProperty("MinRetentionDays").GetInt64(), locked.GetProperty("MaxRetentionDays").GetInt64()));
        DateTimeOffset lockDate = DateTimeOffset.Parse(locked.GetProperty("LockDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lockDate - DateTimeOffset.UtcNow, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10), TimeSpan.FromDays(3));

        ToolRun.Result bad = await CliAsync("backup", "put-backup-vault-lock-configuration", "--backup-vault-name", "vv", "--min-retention-days", "0");
        AssertCliError(bad, "InvalidParameterValueException", "PutBackupVaultLockConfiguration", ": MinRetentionDays: 0 must be between 1 and 36500");
        ToolRun.Result changeable = await CliAsync("backup", "put-backup-vault-lock-configuration", "--backup-vault-name", "vv", "--changeable-for-days", "2");
        Assert.Contains("ChangeableForDays: 2 must be between 3 and 36500", changeable.Stderr, StringComparison.Ordinal);
    }

    [RealClientFact("aws")]
    public async Task The_debian_cli_cannot_delete_a_vault_with_recovery_points_until_they_are_deleted()
    {
        await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "vv");
        RecoveryPointRecord rp = await _server.BackUpAsync("vv", lifecycle: new Lifecycle(DeleteAfterDays: 35));

        ToolRun.Result refused = await CliAsync("backup", "delete-backup-vault", "--backup-vault-name", "vv");
        AssertCliError(refused, "InvalidRequestException", "DeleteBackupVault", ": Backup vault cannot be deleted (contains 1 recovery points)");

        JsonElement points = await CliJsonAsync("backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", "vv");
        JsonElement point = points.GetProperty("RecoveryPoints")[0];
        Assert.Equal((rp.RecoveryPointArn, "COMPLETED"), (point.GetProperty("RecoveryPointArn").GetString(), point.GetProperty("Status").GetString()));
        JsonElement described = await CliJsonAsync("backup", "describe-recovery-point", "--backup-vault-name", "vv", "--recovery-point-arn", rp.RecoveryPointArn);
        Assert.Equal("WARM", described.GetProperty("StorageClass").GetString());
        Assert.True(described.GetProperty("CalculatedLifecycle").TryGetProperty("DeleteAt", out _));

        Assert.Equal(0, (await CliAsync("backup", "delete-recovery-point", "--backup-vault-name", "vv", "--recovery-point-arn", rp.RecoveryPointArn)).ExitCode);
        Assert.Equal(0, (await CliAsync("backup", "delete-backup-vault", "--backup-vault-name", "vv")).ExitCode);
        Assert.Contains("(ResourceNotFoundException)", (await CliAsync("backup", "describe-backup-vault", "--backup-vault-name", "vv")).Stderr, StringComparison.Ordinal);
    }

    [RealClientFact("node")]
    public async Task The_js_sdk_drives_vaults_policies_locks_and_recovery_points_with_their_error_shapes()
    {
        await _server.CreateVaultAsync("js-points");
        RecoveryPointRecord first = await _server.BackUpAsync("js-points", lifecycle: new Lifecycle(DeleteAfterDays: 35));
        await _server.BackUpAsync("js-points");
        string clients = RealClientFactAttribute.ClientsDirectory!;
        Dictionary<string, string> environment = _server.ClientEnvironment();
        environment["ARCA_ENDPOINT"] = _server.Endpoint;
        environment["ARCA_RP_VAULT"] = "js-points";
        environment["ARCA_RP_ARN"] = first.RecoveryPointArn;
        environment["ARCA_RP_RESOURCE"] = first.ResourceArn;

        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "backup-vaults.mjs")], environment, clients);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The CLI's error line: "An error occurred (CODE) when calling the OPERATION operation[ (reached max retries: 0)]: MESSAGE".</summary>
    private static void AssertCliError(ToolRun.Result result, string code, string operation, string message)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains($"An error occurred ({code}) when calling the {operation} operation", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    private string[] Common() => ["--endpoint-url", _server.Endpoint, "--output", "json"];

    private Task<ToolRun.Result> CliAsync(params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, .. Common()], _server.ClientEnvironment());

    private async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
