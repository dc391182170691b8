using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Layouts;
using Arca.Control.Metadata;
using Arca.Control.Organizations;
using Arca.Control.Regions;
using Arca.Control.Tests.Organizations;
using Arca.Storage.Backup;

namespace Arca.Control.Tests.Layouts;

/// <summary>
/// The Organizations services (<see cref="OrganizationFixture"/>) with KMS, vaults and recovery points over in-memory regional stores
/// (us-east-1, eu-west-1; real vault directories in a temporary root), and the layout service, engine and reconciler wired as the
/// server wires them: the reconciler hears the organization's tree changes.
/// </summary>
internal sealed class LayoutFixture : IDisposable
{
    public LayoutFixture()
    {
        Root = Directory.CreateTempSubdirectory("arca-layouts-").FullName;
        Regions = RegionSet.InMemory(Root, "us-east-1", "eu-west-1");
        var tokens = new PageTokens(new byte[32]);
        Keys = new KeyService(Regions, Org.Authorizer, tokens, Org.Time);
        Aliases = new AliasService(Regions, Org.Authorizer, tokens, Org.Time);
        KeyPolicies = new KeyPolicyService(Regions, Org.Authorizer, tokens, Org.Time);
        var keyTags = new KeyTagService(Regions, Org.Authorizer, tokens, Org.Time);
        var crypto = new KmsCryptoService(Regions, Org.Authorizer, Org.Time);
        var resolver = new KeyResolver(Regions, Org.Authorizer, crypto, Org.Membership, Org.Time);
        Engines = new BackupVaults(Regions, resolver, Org.Time);
        Vaults = new BackupVaultService(Regions, Org.Authorizer, resolver, Engines, tokens, Org.Time);
        AccessPolicies = new VaultAccessPolicyService(Regions, Org.Authorizer);
        var locks = new VaultLockService(Regions, Org.Authorizer, Org.Time);
        var tags = new BackupTagService(Regions, Org.Authorizer, [VaultTagTargets.Vaults, VaultTagTargets.RecoveryPoints]);
        Catalog = new RecoveryPointCatalog(Regions, Org.Time);
        RecoveryPoints = new RecoveryPointService(Regions, Org.Authorizer, Engines, new VaultMaintenanceQueue(), tokens, Org.Time);
        var engine = new LayoutEngine(new LayoutActors(Org.Sts, Org.Credentials, Org.Callers), Org.Roles, Org.RolePolicies, Keys, Aliases, KeyPolicies, keyTags,
            Vaults, AccessPolicies, locks, tags, RecoveryPoints, Org.Policies, Org.Attachments, Org.Time);
        Layouts = new LayoutService(Org.Store, Org.Authorizer, Org.Accounts, Regions, engine, Org.Time);
        Reconciler = new LayoutReconciler(Layouts);
        Org.Listener.Forward = Reconciler;
    }

    public OrganizationFixture Org { get; } = new();

    public string Root { get; }

    public RegionSet Regions { get; }

    public KeyService Keys { get; }

    public AliasService Aliases { get; }

    public KeyPolicyService KeyPolicies { get; }

    public BackupVaults Engines { get; }

    public BackupVaultService Vaults { get; }

    public VaultAccessPolicyService AccessPolicies { get; }

    public RecoveryPointCatalog Catalog { get; }

    public RecoveryPointService RecoveryPoints { get; }

    public LayoutService Layouts { get; }

    public LayoutReconciler Reconciler { get; }

    /// <summary>The reference tutorial's layout (DESIGN.md §6 steps 2–3), for the targets given as YAML (organization by default).</summary>
    public static string TutorialLayout(string targets = "organization: true", string extra = "") => $$"""
        version: 1
        name: cab
        targets:
          {{targets}}
        regions: [us-east-1, eu-west-1]
        roles:
          - name: cabrole
            description: Assumed by AWS Backup
            trustPolicy:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: { Service: backup.amazonaws.com }
                  Action: sts:AssumeRole
            inlinePolicies:
              AWSBackupServiceRolePolicyForBackup:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: ["backup:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
                    Resource: "*"
        keys:
          - alias: cabkey
            description: cabvault's key in ${AccountId} ${Region}
            policy:
              Version: "2012-10-17"
              Statement:
                - Sid: Enable IAM User Permissions
                  Effect: Allow
                  Principal: { AWS: "arn:aws:iam::${AccountId}:root" }
                  Action: kms:*
                  Resource: "*"
                - Sid: Allow use of the key by the organization
                  Effect: Allow
                  Principal: { AWS: "*" }
                  Action: [kms:Encrypt, kms:Decrypt, kms:GenerateDataKey, kms:DescribeKey]
                  Resource: "*"
                  Condition: { StringEquals: { "aws:PrincipalOrgID": "${OrganizationId}" } }
        vaults:
          - name: cabvault
            key: cabkey
            accessPolicy:
              Version: "2012-10-17"
              Statement:
                - Sid: Allow the organization to copy into cabvault
                  Effect: Allow
                  Principal: { AWS: "*" }
                  Action: backup:CopyIntoBackupVault
                  Resource: "*"
                  Condition: { StringEquals: { "aws:PrincipalOrgID": "${OrganizationId}" } }
            tags: { project: cab }
        {{extra}}
        """;

    /// <summary>The tutorial's organization: the management account, SourceAccount and DestinationAccount (created, so they have OrganizationAccountAccessRole).</summary>
    public async Task<TutorialOrganization> TutorialAsync()
    {
        (CallerIdentity management, Organization organization) = await Org.NewOrganizationAsync();
        (string source, CallerIdentity sourceRoot) = await Org.NewMemberAsync(management, "SourceAccount");
        (string destination, CallerIdentity destinationRoot) = await Org.NewMemberAsync(management, "DestinationAccount");
        _ = await Reconciler.DrainAsync();
        return new TutorialOrganization(management, organization.Id, source, sourceRoot, destination, destinationRoot);
    }

    /// <summary>Backs up a small directory into the vault through the engine and catalogs the recovery point, as a backup job does.</summary>
    public async Task<RecoveryPointRecord> BackUpAsync(CallerIdentity caller, string vaultName = "cabvault")
    {
        OpenedBackupVault vault = await Engines.OpenAsync(caller.AccountId, caller.Region, vaultName);
        string source = Directory.CreateTempSubdirectory("arca-source-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(source, "index.html"), "hello");
            DateTimeOffset now = Org.Time.GetUtcNow();
            var record = new RecoveryPointRecord
            {
                RecoveryPointArn = $"arn:aws:backup:{caller.Region}:{caller.AccountId}:recovery-point:{Guid.CreateVersion7(now)}",
                AccountId = caller.AccountId,
                Region = caller.Region,
                BackupVaultName = vaultName,
                BackupVaultArn = vault.Arn,
                EngineRecoveryPointId = new string('0', 64),
                ResourceArn = $"arn:aws:arca:{caller.Region}:{caller.AccountId}:directory/web",
                ResourceType = "Directory",
                ResourceName = "web",
                Status = RecoveryPointCatalog.Completed,
                CreationDate = now,
                IamRoleArn = $"arn:aws:iam::{caller.AccountId}:role/cabrole",
                CreatedBy = new RecoveryPointCreator("plan-1", null, "cabplan", null, "rule-1", "cabrule", "cron(0 5 ? * * *)", "Etc/UTC"),
                EncryptionKeyArn = vault.EncryptionKeyArn,
                Tags = new Dictionary<string, string>(),
            };
            BackupResult result = await DirectoryBackup.RunAsync(vault.Vault, source, new BackupOptions { Tags = RecoveryPointManifestTags.For(record), Parallelism = 1 });
            record = record with
            {
                EngineRecoveryPointId = result.RecoveryPointId.ToString(),
                BackupSizeInBytes = result.Manifest.Summary.Bytes,
                InitiationDate = result.Manifest.Time,
                CompletionDate = now,
            };
            await Catalog.AddAsync(record);
            return record;
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

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

    internal sealed record TutorialOrganization(
        CallerIdentity Management, string OrganizationId, string Source, CallerIdentity SourceRoot, string Destination, CallerIdentity DestinationRoot);
}
