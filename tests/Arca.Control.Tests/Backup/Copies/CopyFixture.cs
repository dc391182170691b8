using Arca.Control.Backup;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Scheduling;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using Arca.Control.Tests.Backup.Vaults;
using Arca.Storage.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Backup.Copies;

/// <summary>
/// Copy jobs over the real vault service of <see cref="VaultFixture"/> (engine vaults on disk, KMS, access policies, vault locks,
/// the catalog), with the backup and copy runners and a running engine in both regions (us-east-1, eu-west-1), an
/// organization of three accounts (management, source, destination) in <see cref="Kms.FakeOrganizations"/>, and a fake clock.
/// </summary>
internal sealed class CopyFixture : IAsyncDisposable
{
    public const string OrgId = "o-abcdefghij";
    public const string East = "us-east-1";
    public const string West = "eu-west-1";
    private readonly List<JobEngine> _engines = [];

    public CopyFixture()
    {
        var tokens = new PageTokens(new byte[32]);
        Settings = new GlobalSettingsService(V.Control.Store, V.Control.Authorizer, V.Organizations, V.Time);
        Facts = new CopyFactFinder(V.Regions, V.Control.Authorizer, V.Control.Roles, V.Organizations, new CrossAccountBackup(Settings), V.CopyInto, V.Resolver);
        Jobs = new RegionJobs(V.Regions, V.Time);
        Types = new BackupResourceTypes(ResourceTypeRegistry.CreateDefault());
        Resources = new ResourceInventoryService(V.Regions, V.Control.Authorizer, Types, tokens, V.Time);
        RegionSettings = new RegionSettingsService(V.Regions, V.Control.Authorizer, Types);
        Plans = new BackupPlanService(V.Regions, V.Control.Authorizer, new StoredVaultCatalog(V.Regions), tokens, V.Time);
        Selections = new BackupSelectionService(V.Regions, V.Control.Authorizer, V.Control.Roles, tokens, V.Time);
        // Cross-account monitoring is never enabled here: every caller lists its own account's jobs.
        var visibility = new OrganizationJobVisibility(
            new CrossAccountMonitoring(
                V.Organizations,
                new Control.Organizations.ServiceAccessService(V.Control.Store, V.Control.Authorizer, tokens, V.Time),
                new Control.Organizations.DelegatedAdministratorService(V.Control.Store, V.Control.Authorizer, tokens, V.Time)),
            V.Control.Store);
        Copies = new CopyJobService(Jobs, V.Regions, V.Control.Authorizer, V.Control.Roles, new StoredVaultCatalog(V.Regions), V.Catalog, visibility, tokens, V.Time);
        Backups = new BackupJobService(Jobs, V.Regions, V.Control.Authorizer, V.Control.Roles, new StoredVaultCatalog(V.Regions), Resources, visibility, tokens, V.Time);
        CopyRunner = new CopyJobRunner(V.Engines, new InProcessRegionTransfer(V.Engines), V.Catalog, Facts, V.Control.Roles, V.Time);
        BackupRunner = new BackupJobRunner(V.Engines, V.Catalog, Resources, Types, V.Control.Roles, V.Time, new CopyActions(V.Regions, Jobs, V.Time));
        Scheduler = new BackupScheduler(
            V.Regions, Jobs, Resources, RegionSettings, new PlanOptInResolver(V.Regions, RegionSettings), V.Time, NullLogger<BackupScheduler>.Instance);
    }

    public VaultFixture V { get; } = new();

    public FakeTimeProvider Time => V.Time;

    public GlobalSettingsService Settings { get; }

    public CopyFactFinder Facts { get; }

    public RegionJobs Jobs { get; }

    public BackupResourceTypes Types { get; }

    public ResourceInventoryService Resources { get; }

    public RegionSettingsService RegionSettings { get; }

    public BackupPlanService Plans { get; }

    public BackupSelectionService Selections { get; }

    public CopyJobService Copies { get; }

    public BackupJobService Backups { get; }

    public CopyJobRunner CopyRunner { get; }

    public BackupJobRunner BackupRunner { get; }

    public BackupScheduler Scheduler { get; }

    public CallerIdentity Management { get; private set; } = null!;

    public Account Source { get; private set; } = null!;

    public Account Destination { get; private set; } = null!;

    /// <summary>
    /// The tutorial's layout: an organization (management, SourceAccount, DestinationAccount) with cross-account backup enabled;
    /// in both member accounts the role <c>cabrole</c> (trusting backup.amazonaws.com, allowed backup:*), a customer managed key
    /// per region whose policy names both accounts, and <c>cabvault</c> in both regions whose access policy lets the organization
    /// copy in. Then both regions' engines start.
    /// </summary>
    public async Task InitializeAsync(bool enableCrossAccount = true)
    {
        CallerIdentity management = await V.NewRootAsync("management");
        CallerIdentity source = await V.NewRootAsync("source");
        CallerIdentity destination = await V.NewRootAsync("destination");
        foreach (CallerIdentity member in new[] { management, source, destination })
        {
            V.Organizations.Add(member.AccountId, new OrganizationMembership(OrgId, management.AccountId, [$"{OrgId}/r-ab12/"]));
        }

        Management = await V.Control.CallerOfAsync(management.AccessKeyId);
        if (enableCrossAccount)
        {
            await Settings.UpdateAsync(Management, new Dictionary<string, string?> { [GlobalSettings.CrossAccountBackupKey] = "true" });
        }

        Source = await AccountAsync(source, destination.AccountId);
        Destination = await AccountAsync(destination, source.AccountId);
        foreach (string region in new[] { East, West })
        {
            var engine = new JobEngine(
                [(Jobs.Backup(region), BackupRunner), (Jobs.Copy(region), CopyRunner)], JobNode.Start("test"), new JobEngineOptions(), Time, NullLogger.Instance);
            await engine.StartAsync();
            Jobs.Attach(region, engine);
            _engines.Add(engine);
        }
    }

    /// <summary>The policy statement that lets every account of the organization copy into a vault.</summary>
    public static string OrgCopyIn => $$$$"""{"Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"{{{{OrgId}}}}"}}}""";

    public static string VaultArn(string region, Account account, string name = "cabvault") => $"arn:aws:backup:{region}:{account.Id}:backup-vault:{name}";

    /// <summary>A directory under the fixture's root with the given files.</summary>
    public string NewDirectory(string name, params (string Path, byte[] Content)[] files)
    {
        string dir = Path.Combine(V.Root, "data", name);
        Directory.CreateDirectory(dir);
        foreach ((string path, byte[] content) in files)
        {
            File.WriteAllBytes(Path.Combine(dir, path), content);
        }

        return dir;
    }

    /// <summary>Registers <paramref name="dir"/> in the source account (us-east-1), backs it up into cabvault and returns the recovery point.</summary>
    public async Task<RecoveryPointRecord> BackUpAsync(string dir, Domain.Plans.Lifecycle? lifecycle = null, string name = "web", string vault = "cabvault")
    {
        string arn = (await Resources.GetDefinitionAsync(Source.Id, East, $"arn:aws:arca:{East}:{Source.Id}:directory/{name}"))?.Resource.ResourceArn
            ?? (await Resources.RegisterAsync(Source.Caller, new RegisterResourceRequest("Directory", name, dir))).ResourceArn;
        StartBackupJobResult started = await Backups.StartAsync(
            Source.Caller, new StartBackupJobRequest { BackupVaultName = vault, ResourceArn = arn, IamRoleArn = Source.Role, Lifecycle = lifecycle });
        JobRecord job = await FinishedAsync(East, JobKind.Backup, started.BackupJobId);
        Assert.Equal("COMPLETED", job.State);
        BackupJobDetails details = await Backups.DescribeAsync(Source.Caller, started.BackupJobId);
        return (await V.Catalog.FindAsync(East, details.RecoveryPointArn!))!;
    }

    /// <summary>Starts a copy of <paramref name="point"/> (source account, us-east-1) and waits for its end.</summary>
    public async Task<CopyJobDetails> CopyAsync(RecoveryPointRecord point, string destinationVaultArn, Domain.Plans.Lifecycle? lifecycle = null)
    {
        StartCopyJobResult started = await Copies.StartAsync(Source.Caller, new StartCopyJobRequest
        {
            RecoveryPointArn = point.RecoveryPointArn,
            SourceBackupVaultName = point.BackupVaultName,
            DestinationBackupVaultArn = destinationVaultArn,
            IamRoleArn = Source.Role,
            Lifecycle = lifecycle,
        });
        await FinishedAsync(East, JobKind.Copy, started.CopyJobId);
        return await Copies.DescribeAsync(Source.Caller, started.CopyJobId);
    }

    /// <summary>Recovery points in a vault's catalog.</summary>
    public async Task<IReadOnlyList<RecoveryPointRecord>> PointsAsync(string region, Account account, string vault = "cabvault")
    {
        BackupPage<RecoveryPointDescription> page = await V.RecoveryPoints.ListByVaultAsync(account.Caller with { Region = region }, vault, new RecoveryPointFilter());
        return [.. page.Items.Select(p => p.RecoveryPoint)];
    }

    /// <summary>Waits (bounded, never a sleep) until the job is in a terminal state and returns it.</summary>
    public async Task<JobRecord> FinishedAsync(string region, JobKind kind, string jobId)
    {
        JobQueue queue = kind switch { JobKind.Backup => Jobs.Backup(region), JobKind.Copy => Jobs.Copy(region), _ => Jobs.Restore(region) };
        var done = new TaskCompletionSource<JobRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFinished(string where, JobRecord job)
        {
            if (where == region && job.JobId == jobId)
            {
                done.TrySetResult(job);
            }
        }

        Jobs.JobFinished += OnFinished;
        try
        {
            JobRecord? now = await queue.GetAsync(jobId);
            if (now is not null && queue.Profile.IsTerminal(now.State))
            {
                return now;
            }

            Jobs.Wake(region);
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Jobs.JobFinished -= OnFinished;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string region in new[] { East, West })
        {
            Jobs.Detach(region);
        }

        foreach (JobEngine engine in _engines)
        {
            await engine.DisposeAsync();
        }

        V.Dispose();
    }

    private async Task<Account> AccountAsync(CallerIdentity root, string otherAccountId)
    {
        CallerIdentity caller = await V.Control.CallerOfAsync(root.AccessKeyId);
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        Control.Iam.Role role = await V.Control.Roles.CreateRoleAsync(caller, new Control.Iam.CreateRoleRequest { RoleName = "cabrole", AssumeRolePolicyDocument = Trust });
        await V.Control.RolePolicies.PutRolePolicyAsync(caller, "cabrole", "backup", ControlFixture.Allow("backup:*"));
        string keyPolicy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::{{caller.AccountId}}:root","arn:aws:iam::{{otherAccountId}}:root"]},"Action":"kms:*","Resource":"*"}]}""";
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string region in new[] { East, West })
        {
            CallerIdentity here = caller with { Region = region };
            KeyMetadata key = await V.Keys.CreateKeyAsync(here, new CreateKeyRequest { Description = "cab", Policy = keyPolicy });
            keys[region] = key.Arn!;
            await V.Vaults.CreateAsync(here, new CreateBackupVaultRequest("cabvault", key.Arn));
            await V.Policies.PutAsync(here, "cabvault", VaultFixture.Policy(OrgCopyIn));
        }

        return new Account(caller, role.Arn, keys);
    }

    /// <summary>A member account: its root caller (us-east-1), the role cabrole, and its customer managed key per region.</summary>
    internal sealed record Account(CallerIdentity Caller, string Role, IReadOnlyDictionary<string, string> Keys)
    {
        public string Id => Caller.AccountId;

        public CallerIdentity In(string region) => Caller with { Region = region };
    }
}
