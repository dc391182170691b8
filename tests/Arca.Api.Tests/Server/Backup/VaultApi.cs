using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Domain.Plans;
using Arca.Storage.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>
/// Vaults and recovery points of a <see cref="TestServer"/>: vaults through the API, recovery points written the way the
/// backup jobs will (engine backup with the manifest tags, then the catalog) through the server's own services.
/// </summary>
internal sealed class VaultApi(TestServer server)
{
    public BackupApi Api { get; } = new(server);

    public async Task<JsonElement> CreateVaultAsync(string name = "cabvault", string body = "{}", AwsCredentials? credentials = null) =>
        await Api.OkAsync("PUT", "/backup-vaults/" + name, body, credentials);

    /// <summary>A customer managed key made through KMS's own API; returns its ARN.</summary>
    public async Task<string> CreateKeyAsync(AwsCredentials? credentials = null)
    {
        using HttpResponseMessage response = await server.Client(credentials).PostJsonAsync("kms", "TrentService.CreateKey", "{}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
    }

    /// <summary>Backs up a small directory into the vault and catalogs the recovery point, as a backup job will.</summary>
    public async Task<RecoveryPointRecord> BackUpAsync(string vaultName = "cabvault", Lifecycle? lifecycle = null, string resource = "web", string? accountId = null)
    {
        string account = accountId ?? server.AccountId;
        OpenedBackupVault vault = await server.Server.Services.GetRequiredService<IBackupVaults>().OpenAsync(account, "us-east-1", vaultName);
        string source = Directory.CreateTempSubdirectory("arca-source-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(source, "index.html"), $"hello {Guid.NewGuid()}");
            var record = new RecoveryPointRecord
            {
                RecoveryPointArn = $"arn:aws:backup:us-east-1:{account}:recovery-point:{Guid.CreateVersion7(server.Time.GetUtcNow())}",
                AccountId = account,
                Region = "us-east-1",
                BackupVaultName = vaultName,
                BackupVaultArn = vault.Arn,
                EngineRecoveryPointId = new string('0', 64),
                ResourceArn = $"arn:aws:arca:us-east-1:{account}:directory/{resource}",
                ResourceType = "Directory",
                ResourceName = resource,
                Status = RecoveryPointCatalog.Completed,
                CreationDate = server.Time.GetUtcNow(),
                Lifecycle = lifecycle,
                EncryptionKeyArn = vault.EncryptionKeyArn,
            };
            BackupResult result = await DirectoryBackup.RunAsync(vault.Vault, source, new BackupOptions { Tags = RecoveryPointManifestTags.For(record), Parallelism = 1 });
            record = record with { EngineRecoveryPointId = result.RecoveryPointId.ToString(), BackupSizeInBytes = result.Manifest.Summary.Bytes, CompletionDate = server.Time.GetUtcNow() };
            await server.Server.Services.GetRequiredService<IRecoveryPointCatalog>().AddAsync(record);
            return record;
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    public static string RecoveryPointPath(string vault, string recoveryPointArn) => $"/backup-vaults/{vault}/recovery-points/{BackupApi.Escape(recoveryPointArn)}";

    public static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
