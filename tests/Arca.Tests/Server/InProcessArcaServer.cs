using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Arca.Api.Client;
using Arca.Api.Hosting;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Plans;
using Arca.Storage.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Tests.Server;

/// <summary>
/// Arca's server hosted in the test process on its embedded defaults (SQLite stores and vault storage in a temporary data
/// directory, a real listener on 127.0.0.1:0, the system clock), for real clients that need state only the server's own
/// services can make: recovery points, written as the backup jobs will (engine backup with manifest tags, then the catalog).
/// </summary>
internal sealed class InProcessArcaServer : IAsyncDisposable
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];
    private readonly HttpClient _http = new();
    private readonly SqliteMetadataStore _global;
    private readonly RegionSet _regions;

    private InProcessArcaServer(ArcaServer server, SqliteMetadataStore global, RegionSet regions, string accountId, AwsCredentials root)
    {
        Server = server;
        _global = global;
        _regions = regions;
        AccountId = accountId;
        Root = root;
    }

    public ArcaServer Server { get; }

    public string AccountId { get; }

    public AwsCredentials Root { get; }

    public string Endpoint => Server.BaseAddress.ToString().TrimEnd('/');

    public static async Task<InProcessArcaServer> StartAsync(string dataDir)
    {
        SqliteMetadataStore global = await SqliteMetadataStore.OpenAsync(Path.Combine(dataDir, "global.db"));
        RegionSet regions = await RegionSet.OpenAsync(dataDir, Regions, _ => null);
        PageTokens tokens = await PageTokens.LoadOrCreateAsync(global);
        var controlPlane = new ArcaControlPlane(global, regions, MasterKey.Generate(), tokens, TimeProvider.System);
        ArcaServer server = ArcaServer.CreateBuilder(new ArcaServerOptions { Listen = "http://127.0.0.1:0", Regions = Regions }, controlPlane).Build();
        await server.StartAsync();
        AccountService accounts = server.Services.GetRequiredService<AccountService>();
        Account account = await accounts.CreateAccountAsync("management", $"management-{Guid.NewGuid():N}@example.com");
        IssuedAccessKey key = await accounts.CreateRootAccessKeyAsync(account.Id);
        return new InProcessArcaServer(server, global, regions, account.Id, new AwsCredentials(key.AccessKeyId, key.SecretAccessKey));
    }

    /// <summary>The environment a client needs to act as the account's root in us-east-1.</summary>
    public Dictionary<string, string> ClientEnvironment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = Root.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = Root.SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    /// <summary>Creates a vault through the API, as a client would.</summary>
    public async Task CreateVaultAsync(string name)
    {
        var client = new SigV4HttpClient(_http, Server.BaseAddress, "us-east-1", Root, TimeProvider.System);
        using HttpResponseMessage response = await client.SendAsync(
            "backup", "PUT", "/backup-vaults/" + name, [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes("{}"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
    }

    /// <summary>Backs up a small directory into the vault and catalogs the recovery point, as a backup job will.</summary>
    public async Task<RecoveryPointRecord> BackUpAsync(string vaultName, string resource = "web", Lifecycle? lifecycle = null)
    {
        OpenedBackupVault vault = await Server.Services.GetRequiredService<IBackupVaults>().OpenAsync(AccountId, "us-east-1", vaultName);
        string source = Directory.CreateTempSubdirectory("arca-source-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(source, "data.bin"), RandomNumberGenerator.GetBytes(4096));
            DateTimeOffset now = TimeProvider.System.GetUtcNow();
            var record = new RecoveryPointRecord
            {
                RecoveryPointArn = $"arn:aws:backup:us-east-1:{AccountId}:recovery-point:{Guid.CreateVersion7(now)}",
                AccountId = AccountId,
                Region = "us-east-1",
                BackupVaultName = vaultName,
                BackupVaultArn = vault.Arn,
                EngineRecoveryPointId = new string('0', 64),
                ResourceArn = $"arn:aws:arca:us-east-1:{AccountId}:directory/{resource}",
                ResourceType = "Directory",
                ResourceName = resource,
                Status = RecoveryPointCatalog.Completed,
                CreationDate = now,
                Lifecycle = lifecycle,
                EncryptionKeyArn = vault.EncryptionKeyArn,
            };
            BackupResult result = await DirectoryBackup.RunAsync(vault.Vault, source, new BackupOptions { Tags = RecoveryPointManifestTags.For(record), Parallelism = 1 });
            record = record with { EngineRecoveryPointId = result.RecoveryPointId.ToString(), BackupSizeInBytes = result.Manifest.Summary.Bytes, CompletionDate = now };
            await Server.Services.GetRequiredService<IRecoveryPointCatalog>().AddAsync(record);
            return record;
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
        await _regions.DisposeAsync();
        await _global.DisposeAsync();
    }
}
