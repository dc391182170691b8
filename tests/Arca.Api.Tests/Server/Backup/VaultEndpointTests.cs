using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Vaults, access policies, vault locks and recovery points over signed HTTP: AWS wire shapes, epoch timestamps, errors.</summary>
public sealed class VaultEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private VaultApi _vaults = null!;

    private BackupApi Api => _vaults.Api;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _vaults = new VaultApi(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_vault_is_created_described_listed_tagged_and_deleted_in_aws_wire_shape()
    {
        string arn = $"arn:aws:backup:us-east-1:{_server.AccountId}:backup-vault:cabvault";
        JsonElement created = await _vaults.CreateVaultAsync("cabvault", """{"BackupVaultTags":{"team":"ops"},"CreatorRequestId":"req-1"}""");
        Assert.Equal(("cabvault", arn, VaultApi.Epoch(TestServer.T0)), (created.GetProperty("BackupVaultName").GetString(), created.GetProperty("BackupVaultArn").GetString(), created.GetProperty("CreationDate").GetDouble()));

        JsonElement described = await Api.OkAsync("GET", "/backup-vaults/cabvault");
        Assert.Equal(
            ("BACKUP_VAULT", "AVAILABLE", "AWS_OWNED_KMS_KEY", 0L, false, "req-1"),
            (described.GetProperty("VaultType").GetString(), described.GetProperty("VaultState").GetString(), described.GetProperty("EncryptionKeyType").GetString(),
             described.GetProperty("NumberOfRecoveryPoints").GetInt64(), described.GetProperty("Locked").GetBoolean(), described.GetProperty("CreatorRequestId").GetString()));
        Assert.StartsWith($"arn:aws:kms:us-east-1:{_server.AccountId}:key/", described.GetProperty("EncryptionKeyArn").GetString(), StringComparison.Ordinal);
        Assert.False(described.TryGetProperty("MinRetentionDays", out _));
        Assert.Equal("ops", (await Api.OkAsync("GET", $"/tags/{BackupApi.Escape(arn)}/")).GetProperty("Tags").GetProperty("team").GetString());
        Assert.Equal(arn, (await _vaults.CreateVaultAsync("cabvault", """{"CreatorRequestId":"req-1"}""")).GetProperty("BackupVaultArn").GetString());

        await _vaults.CreateVaultAsync("second");
        JsonElement first = await Api.OkAsync("GET", "/backup-vaults/?maxResults=1");
        Assert.Equal("cabvault", first.GetProperty("BackupVaultList")[0].GetProperty("BackupVaultName").GetString());
        JsonElement next = await Api.OkAsync("GET", "/backup-vaults/?maxResults=1&nextToken=" + Uri.EscapeDataString(first.GetProperty("NextToken").GetString()!));
        Assert.Equal("second", next.GetProperty("BackupVaultList")[0].GetProperty("BackupVaultName").GetString());
        Assert.False(next.TryGetProperty("NextToken", out _));

        Assert.Equal("{}", (await Api.SendAsync("DELETE", "/backup-vaults/second")).Text);
        Assert.Equal("ResourceNotFoundException", (await Api.SendAsync("GET", "/backup-vaults/second")).Code);
    }

    [Fact]
    public async Task A_vault_under_a_customer_key_reports_it()
    {
        string key = await _vaults.CreateKeyAsync();
        await _vaults.CreateVaultAsync("cmk", $$"""{"EncryptionKeyArn":"{{key}}"}""");
        JsonElement described = await Api.OkAsync("GET", "/backup-vaults/cmk");
        Assert.Equal((key, "CUSTOMER_MANAGED_KMS_KEY"), (described.GetProperty("EncryptionKeyArn").GetString(), described.GetProperty("EncryptionKeyType").GetString()));
    }

    [Fact]
    public async Task An_access_policy_denying_delete_recovery_point_holds_for_the_root()
    {
        await _vaults.CreateVaultAsync();
        RecoveryPointRecord rp = await _vaults.BackUpAsync();
        const string Deny = """{"Version":"2012-10-17","Statement":[{"Sid":"keep","Effect":"Deny","Principal":"*","Action":"backup:DeleteRecoveryPoint","Resource":"*"}]}""";
        await Api.OkAsync("PUT", "/backup-vaults/cabvault/access-policy", JsonSerializer.Serialize(new { Policy = Deny }));
        Assert.Equal(Deny, (await Api.OkAsync("GET", "/backup-vaults/cabvault/access-policy")).GetProperty("Policy").GetString());

        BackupApi.Reply denied = await Api.SendAsync("DELETE", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn));

        Assert.Equal((403, "AccessDeniedException"), (denied.Status, denied.Code));
        Assert.Equal(
            $"User: arn:aws:iam::{_server.AccountId}:root is not authorized to perform: backup:DeleteRecoveryPoint on resource: {rp.RecoveryPointArn} with an explicit deny in a resource-based policy",
            denied.Message);
        await Api.OkAsync("GET", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn));
        await Api.OkAsync("DELETE", "/backup-vaults/cabvault/access-policy");
        await Api.OkAsync("DELETE", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task A_vault_lock_is_changeable_during_its_cooling_off_period_only()
    {
        await _vaults.CreateVaultAsync();
        await Api.OkAsync("PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":7,"MaxRetentionDays":30,"ChangeableForDays":3}""");
        JsonElement described = await Api.OkAsync("GET", "/backup-vaults/cabvault");
        Assert.Equal((true, 7L, 30L, VaultApi.Epoch(TestServer.T0.AddDays(3))),
            (described.GetProperty("Locked").GetBoolean(), described.GetProperty("MinRetentionDays").GetInt64(), described.GetProperty("MaxRetentionDays").GetInt64(), described.GetProperty("LockDate").GetDouble()));
        JsonElement listed = (await Api.OkAsync("GET", "/backup-vaults/")).GetProperty("BackupVaultList")[0];
        Assert.Equal(VaultApi.Epoch(TestServer.T0.AddDays(3)), listed.GetProperty("LockDate").GetDouble());

        _server.Time.Advance(TimeSpan.FromDays(1));
        await Api.OkAsync("PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":8,"ChangeableForDays":3}""");
        _server.Time.Advance(TimeSpan.FromDays(3));

        BackupApi.Reply put = await Api.SendAsync("PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":1}""");
        BackupApi.Reply delete = await Api.SendAsync("DELETE", "/backup-vaults/cabvault/vault-lock");
        Assert.Equal((400, "InvalidRequestException"), (put.Status, put.Code));
        Assert.Contains("Backup vault cabvault is locked in compliance mode since 2026-11-30T06:00:00Z", put.Message, StringComparison.Ordinal);
        Assert.Equal((400, "InvalidRequestException"), (delete.Status, delete.Code));
    }

    [Fact]
    public async Task Recovery_points_are_listed_described_updated_and_deleted_in_aws_wire_shape()
    {
        await _vaults.CreateVaultAsync();
        RecoveryPointRecord rp = await _vaults.BackUpAsync(lifecycle: new Lifecycle(10, 100));
        _server.Time.Advance(TimeSpan.FromHours(1));
        RecoveryPointRecord other = await _vaults.BackUpAsync(resource: "db");

        JsonElement page = await Api.OkAsync("GET", "/backup-vaults/cabvault/recovery-points/?maxResults=1");
        JsonElement item = page.GetProperty("RecoveryPoints")[0];
        Assert.Equal((rp.RecoveryPointArn, "COMPLETED", "Directory", true), (item.GetProperty("RecoveryPointArn").GetString(), item.GetProperty("Status").GetString(), item.GetProperty("ResourceType").GetString(), item.GetProperty("IsEncrypted").GetBoolean()));
        Assert.False(item.TryGetProperty("StorageClass", out _));
        JsonElement rest = await Api.OkAsync("GET", "/backup-vaults/cabvault/recovery-points/?maxResults=1&nextToken=" + Uri.EscapeDataString(page.GetProperty("NextToken").GetString()!));
        Assert.Equal(other.RecoveryPointArn, rest.GetProperty("RecoveryPoints")[0].GetProperty("RecoveryPointArn").GetString());
        JsonElement filtered = await Api.OkAsync("GET", $"/backup-vaults/cabvault/recovery-points/?resourceArn={BackupApi.Escape(other.ResourceArn)}&createdAfter=2026-11-26T06:30:00Z");
        Assert.Single(filtered.GetProperty("RecoveryPoints").EnumerateArray());

        JsonElement described = await Api.OkAsync("GET", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn));
        Assert.Equal(("WARM", VaultApi.Epoch(TestServer.T0.AddDays(10)), VaultApi.Epoch(TestServer.T0.AddDays(100)), 100L, "AWS_OWNED_KMS_KEY"),
            (described.GetProperty("StorageClass").GetString(), described.GetProperty("CalculatedLifecycle").GetProperty("MoveToColdStorageAt").GetDouble(),
             described.GetProperty("CalculatedLifecycle").GetProperty("DeleteAt").GetDouble(), described.GetProperty("Lifecycle").GetProperty("DeleteAfterDays").GetInt64(),
             described.GetProperty("EncryptionKeyType").GetString()));
        Assert.Equal(rp.BackupSizeInBytes, described.GetProperty("BackupSizeInBytes").GetInt64());

        JsonElement byResource = (await Api.OkAsync("GET", $"/resources/{BackupApi.Escape(rp.ResourceArn)}/recovery-points/")).GetProperty("RecoveryPoints")[0];
        Assert.Equal((rp.BackupSizeInBytes, false), (byResource.GetProperty("BackupSizeBytes").GetInt64(), byResource.TryGetProperty("BackupSizeInBytes", out _)));
        JsonElement resources = await Api.OkAsync("GET", "/resources/");
        Assert.Equal(2, resources.GetProperty("Results").GetArrayLength());
        JsonElement web = await Api.OkAsync("GET", $"/resources/{BackupApi.Escape(rp.ResourceArn)}");
        Assert.Equal((rp.RecoveryPointArn, rp.BackupVaultArn, VaultApi.Epoch(TestServer.T0)),
            (web.GetProperty("LastRecoveryPointArn").GetString(), web.GetProperty("LastBackupVaultArn").GetString(), web.GetProperty("LastBackupTime").GetDouble()));

        JsonElement updated = await Api.OkAsync("POST", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn), """{"Lifecycle":{"MoveToColdStorageAfterDays":20,"DeleteAfterDays":200}}""");
        Assert.Equal((rp.RecoveryPointArn, 200L, VaultApi.Epoch(TestServer.T0.AddDays(200))),
            (updated.GetProperty("RecoveryPointArn").GetString(), updated.GetProperty("Lifecycle").GetProperty("DeleteAfterDays").GetInt64(), updated.GetProperty("CalculatedLifecycle").GetProperty("DeleteAt").GetDouble()));

        BackupApi.Reply notEmpty = await Api.SendAsync("DELETE", "/backup-vaults/cabvault");
        Assert.Equal((400, "InvalidRequestException", "Backup vault cannot be deleted (contains 2 recovery points)"), (notEmpty.Status, notEmpty.Code, notEmpty.Message));
        await Api.OkAsync("DELETE", VaultApi.RecoveryPointPath("cabvault", rp.RecoveryPointArn));
        await Api.OkAsync("DELETE", VaultApi.RecoveryPointPath("cabvault", other.RecoveryPointArn));
        Assert.Empty((await Api.OkAsync("GET", "/backup-vaults/cabvault/recovery-points/")).GetProperty("RecoveryPoints").EnumerateArray());
        await Api.OkAsync("DELETE", "/backup-vaults/cabvault");
    }

    [Fact]
    public async Task The_background_sweeper_deletes_expired_recovery_points_on_the_servers_clock()
    {
        await _vaults.CreateVaultAsync();
        RecoveryPointRecord rp = await _vaults.BackUpAsync(lifecycle: new Lifecycle(DeleteAfterDays: 1));
        RecoveryPointLifecycleSweeper sweeper = _server.Server.Services.GetRequiredService<RecoveryPointLifecycleSweeper>();
        IRecoveryPointCatalog catalog = _server.Server.Services.GetRequiredService<IRecoveryPointCatalog>();

        for (int hour = 0; hour < 30 && await catalog.FindAsync("us-east-1", rp.RecoveryPointArn) is not null; hour++)
        {
            Task swept = sweeper.NextSweep;
            _server.Time.Advance(TimeSpan.FromHours(1)); // the hourly timer asks for a sweep
            await swept.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Null(await catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
        Assert.True(_server.Time.GetUtcNow() >= TestServer.T0.AddDays(1));
        Assert.Equal(0, (await Api.OkAsync("GET", "/backup-vaults/cabvault")).GetProperty("NumberOfRecoveryPoints").GetInt64());
    }

    [Fact]
    public async Task Another_account_sees_none_of_the_vaults()
    {
        await _vaults.CreateVaultAsync();
        (string other, AwsCredentials otherRoot) = await _server.NewAccountAsync("other");
        Assert.Empty((await Api.OkAsync("GET", "/backup-vaults/", credentials: otherRoot)).GetProperty("BackupVaultList").EnumerateArray());
        Assert.Equal("ResourceNotFoundException", (await Api.SendAsync("GET", "/backup-vaults/cabvault", credentials: otherRoot)).Code);
        BackupApi.Reply cross = await Api.SendAsync("GET", $"/backup-vaults/cabvault?backupVaultAccountId={_server.AccountId}", credentials: otherRoot);
        Assert.Equal((403, "AccessDeniedException"), (cross.Status, cross.Code));
        Assert.Contains($"arn:aws:iam::{other}:root is not authorized to perform: backup:DescribeBackupVault", cross.Message, StringComparison.Ordinal);
    }
}
