using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.Jobs.Summaries;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Backup.Scheduling;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>
/// Backup and restore jobs over the Backup fixture, with test doubles of the vault service (engine vaults in memory, an
/// in-memory catalog), a fake clock, and on request a running engine for us-east-1.
/// </summary>
internal sealed class JobsFixture : IAsyncDisposable
{
    public const string Region = "us-east-1";

    /// <param name="types">The resource types (the default registry when null).</param>
    /// <param name="visibility">Who sees which jobs; by default cross-account monitoring over this fixture's store (no organizations: own jobs only).</param>
    public JobsFixture(Storage.Resources.ResourceTypeRegistry? types = null, IJobVisibility? visibility = null)
    {
        B = new BackupFixture(types);
        Root = Directory.CreateTempSubdirectory("arca-jobs-").FullName;
        var tokens = new PageTokens(new byte[32]);
        Visibility = visibility ?? new OrganizationJobVisibility(
            new CrossAccountMonitoring(
                B.Identity.Organizations,
                new Control.Organizations.ServiceAccessService(B.Identity.Store, B.Identity.Authorizer, tokens, Time),
                new Control.Organizations.DelegatedAdministratorService(B.Identity.Store, B.Identity.Authorizer, tokens, Time)),
            B.Identity.Store);
        Summaries = new JobSummaryService(Jobs = new RegionJobs(B.Regions, Time), B.Identity.Authorizer, Visibility, tokens, Time);
        Vaults = new InMemoryBackupVaults(B.Regions, Time, Path.Combine(Root, "keys"));
        BackupJobs = new BackupJobService(
            Jobs, B.Regions, B.Identity.Authorizer, B.Identity.Roles, new StoredVaultCatalog(B.Regions), B.Resources, Visibility, tokens, Time);
        Restores = new RestoreJobService(Jobs, B.Regions, B.Identity.Authorizer, B.Identity.Roles, Vaults, Catalog, B.Types, Visibility, tokens, Time);
        BackupRunner = new BackupJobRunner(Vaults, Catalog, B.Resources, B.Types, B.Identity.Roles, Time);
        RestoreRunner = new RestoreJobRunner(Vaults, Catalog, B.Resources, B.Types, B.Regions);
        Scheduler = new BackupScheduler(
            B.Regions, Jobs, B.Resources, B.Settings, new PlanOptInResolver(B.Regions, B.Settings), Time, NullLogger<BackupScheduler>.Instance);
    }

    public BackupFixture B { get; }

    public FakeTimeProvider Time => B.Identity.Time;

    public string Root { get; }

    public InMemoryBackupVaults Vaults { get; }

    public InMemoryRecoveryPointCatalog Catalog { get; } = new();

    public IJobVisibility Visibility { get; }

    public JobSummaryService Summaries { get; }

    public RegionJobs Jobs { get; }

    public BackupJobService BackupJobs { get; }

    public RestoreJobService Restores { get; }

    public BackupJobRunner BackupRunner { get; }

    public RestoreJobRunner RestoreRunner { get; }

    public BackupScheduler Scheduler { get; }

    public JobEngine? Engine { get; private set; }

    /// <summary>A new account with the role <c>cabrole</c> (trusting backup.amazonaws.com) and the vault <c>cabvault</c>.</summary>
    public async Task<Account> NewAccountAsync(string name = "acct", VaultLockSettings? vaultLock = null)
    {
        CallerIdentity caller = await B.Identity.NewRootAsync(name);
        string role = await B.NewBackupRoleAsync(caller);
        await Vaults.AddAsync(caller.AccountId, Region, "cabvault", vaultLock);
        return new Account(caller, role);
    }

    /// <summary>A directory under the fixture's root with the given files (relative path → content).</summary>
    public string NewDirectory(string name, params (string Path, string Content)[] files)
    {
        string dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        foreach ((string path, string content) in files)
        {
            string full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return dir;
    }

    public Task<InventoryResource> RegisterAsync(Account account, string type, string name, string path, IReadOnlyDictionary<string, string>? tags = null) =>
        B.Resources.RegisterAsync(account.Caller, new RegisterResourceRequest(type, name, path, Tags: tags));

    public StartBackupJobRequest Backup(Account account, string resourceArn) =>
        new() { BackupVaultName = "cabvault", ResourceArn = resourceArn, IamRoleArn = account.Role };

    /// <summary>Starts the us-east-1 engine (backup and restore runners) and attaches it so services wake it.</summary>
    public async Task<JobEngine> StartEngineAsync()
    {
        Engine = new JobEngine([(Jobs.Backup(Region), BackupRunner), (Jobs.Restore(Region), RestoreRunner)], JobNode.Start("test"), new JobEngineOptions(), Time, NullLogger.Instance);
        await Engine.StartAsync();
        Jobs.Attach(Region, Engine);
        return Engine;
    }

    /// <summary>Stops the engine (jobs started meanwhile wait until <see cref="StartEngineAsync"/>).</summary>
    public async Task StopEngineAsync()
    {
        Jobs.Detach(Region);
        await Engine!.DisposeAsync();
        Engine = null;
    }

    /// <summary>Waits (bounded, never a sleep) until the job is in a terminal state and returns it.</summary>
    public async Task<JobRecord> FinishedAsync(JobQueue queue, string jobId)
    {
        var done = new TaskCompletionSource<JobRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFinished(JobRecord job)
        {
            if (job.JobId == jobId)
            {
                done.TrySetResult(job);
            }
        }

        Engine!.JobFinished += OnFinished;
        try
        {
            JobRecord? now = await queue.GetAsync(jobId);
            if (now is not null && queue.Profile.IsTerminal(now.State))
            {
                return now;
            }

            Engine.Wake();
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Engine.JobFinished -= OnFinished;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            Jobs.Detach(Region);
            await Engine.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    /// <summary>An account's root caller and its backup role's ARN.</summary>
    internal sealed record Account(CallerIdentity Caller, string Role)
    {
        public string Id => Caller.AccountId;
    }
}
