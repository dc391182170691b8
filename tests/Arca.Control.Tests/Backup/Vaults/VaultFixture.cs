using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Control.Tests.Kms;
using Arca.Domain.Plans;
using Arca.Storage.Backup;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Backup.Vaults;

/// <summary>
/// The vault and recovery point services over in-memory regional stores whose vault directories are real (a temporary root,
/// removed on dispose), with KMS, the identity services and a fake clock — wired as the server wires them.
/// </summary>
internal sealed class VaultFixture : IDisposable
{
    public VaultFixture()
    {
        Root = Directory.CreateTempSubdirectory("arca-vaults-").FullName;
        Control = new ControlFixture(Organizations);
        Regions = RegionSet.InMemory(Root, "us-east-1", "eu-west-1");
        var tokens = new PageTokens(new byte[32]);
        Keys = new KeyService(Regions, Control.Authorizer, tokens, Time);
        Crypto = new KmsCryptoService(Regions, Control.Authorizer, Time);
        Resolver = new KeyResolver(Regions, Control.Authorizer, Crypto, Organizations, Time);
        Engines = new BackupVaults(Regions, Resolver, Time);
        Vaults = new BackupVaultService(Regions, Control.Authorizer, Resolver, Engines, tokens, Time);
        Policies = new VaultAccessPolicyService(Regions, Control.Authorizer);
        Locks = new VaultLockService(Regions, Control.Authorizer, Time);
        Catalog = new RecoveryPointCatalog(Regions, Time);
        RecoveryPoints = new RecoveryPointService(Regions, Control.Authorizer, Engines, Maintenance, tokens, Time);
        ProtectedResources = new ProtectedResourceService(Regions, Control.Authorizer, tokens);
        Sweeper = new RecoveryPointLifecycleSweeper(Regions, Engines, Time, NullLogger<RecoveryPointLifecycleSweeper>.Instance);
        Rebuilder = new RecoveryPointCatalogRebuilder(Regions, Engines, Catalog, NullLogger<RecoveryPointCatalogRebuilder>.Instance);
        Startup = new VaultStartupRecovery(Regions, Vaults, Rebuilder, NullLogger<VaultStartupRecovery>.Instance);
        CopyInto = new CopyIntoAuthorizer(Regions, Control.Authorizer, Control.Roles, Organizations);
        Tags = new BackupTagService(Regions, Control.Authorizer, [BackupTagTargets.Plans, VaultTagTargets.Vaults, VaultTagTargets.RecoveryPoints]);
    }

    public string Root { get; }

    public FakeOrganizations Organizations { get; } = new();

    public ControlFixture Control { get; }

    public FakeTimeProvider Time => Control.Time;

    public RegionSet Regions { get; }

    public KeyService Keys { get; }

    public KmsCryptoService Crypto { get; }

    public KeyResolver Resolver { get; }

    public BackupVaults Engines { get; }

    public BackupVaultService Vaults { get; }

    public VaultAccessPolicyService Policies { get; }

    public VaultLockService Locks { get; }

    public RecoveryPointCatalog Catalog { get; }

    public VaultMaintenanceQueue Maintenance { get; } = new();

    public RecoveryPointService RecoveryPoints { get; }

    public ProtectedResourceService ProtectedResources { get; }

    public RecoveryPointLifecycleSweeper Sweeper { get; }

    public RecoveryPointCatalogRebuilder Rebuilder { get; }

    public VaultStartupRecovery Startup { get; }

    public CopyIntoAuthorizer CopyInto { get; }

    public BackupTagService Tags { get; }

    public Region UsEast1 => Regions.Get("us-east-1");

    public Task<CallerIdentity> NewRootAsync(string name = "acct") => Control.NewRootAsync(name);

    public Task<BackupVaultDetails> CreateVaultAsync(CallerIdentity caller, string name = "cabvault", string? keyArn = null) =>
        Vaults.CreateAsync(caller, new CreateBackupVaultRequest(name, keyArn));

    public Task<KeyMetadata> CreateKeyAsync(CallerIdentity caller) => Keys.CreateKeyAsync(caller, new CreateKeyRequest { Description = "vault key" });

    /// <summary>
    /// Backs up a small directory into the vault through the engine, with the manifest tags a backup job writes, and catalogs
    /// it unless <paramref name="catalog"/> is false (a crash between the engine's commit and the catalog write).
    /// </summary>
    public async Task<RecoveryPointRecord> BackUpAsync(
        CallerIdentity caller, string vaultName = "cabvault", Lifecycle? lifecycle = null, string resource = "web", bool catalog = true, IReadOnlyDictionary<string, string>? tags = null)
    {
        OpenedBackupVault vault = await Engines.OpenAsync(caller.AccountId, caller.Region, vaultName);
        string source = Directory.CreateTempSubdirectory("arca-source-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(source, "index.html"), $"hello {Guid.NewGuid()}");
            var record = new RecoveryPointRecord
            {
                RecoveryPointArn = $"arn:aws:backup:{caller.Region}:{caller.AccountId}:recovery-point:{Guid.CreateVersion7(Time.GetUtcNow())}",
                AccountId = caller.AccountId,
                Region = caller.Region,
                BackupVaultName = vaultName,
                BackupVaultArn = vault.Arn,
                EngineRecoveryPointId = new string('0', 64),
                ResourceArn = $"arn:aws:arca:{caller.Region}:{caller.AccountId}:directory/{resource}",
                ResourceType = "Directory",
                ResourceName = resource,
                Status = RecoveryPointCatalog.Completed,
                CreationDate = Time.GetUtcNow(),
                IamRoleArn = $"arn:aws:iam::{caller.AccountId}:role/cabrole",
                CreatedBy = new RecoveryPointCreator("plan-1", null, "cabplan", null, "rule-1", "cabrule", "cron(0 5 ? * * *)", "Etc/UTC"),
                Lifecycle = lifecycle,
                EncryptionKeyArn = vault.EncryptionKeyArn,
                Tags = tags ?? new Dictionary<string, string>(),
            };
            BackupResult result = await DirectoryBackup.RunAsync(
                vault.Vault, source, new BackupOptions { Tags = RecoveryPointManifestTags.For(record), Parallelism = 1 });
            record = record with
            {
                EngineRecoveryPointId = result.RecoveryPointId.ToString(),
                BackupSizeInBytes = result.Manifest.Summary.Bytes,
                InitiationDate = result.Manifest.Time,
                CompletionDate = Time.GetUtcNow(),
            };
            if (catalog)
            {
                await Catalog.AddAsync(record);
            }

            return record;
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    /// <summary>The engine directories of an account's vaults in us-east-1.</summary>
    public string[] EngineDirectories(string accountId)
    {
        string dir = UsEast1.VaultDirectory(accountId);
        return Directory.Exists(dir) ? Directory.GetDirectories(dir) : [];
    }

    public static string Policy(string statements) => $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";

    public static string Statement(string effect, string principal, string action) =>
        $$"""{"Effect":"{{effect}}","Principal":{{principal}},"Action":"{{action}}","Resource":"*"}""";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
