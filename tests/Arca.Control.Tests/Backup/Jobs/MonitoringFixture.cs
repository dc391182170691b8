using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Tests.Organizations;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>
/// An organization (management account, a member registered as delegated administrator for Backup, a plain member) and an
/// account outside it, with the jobs services seeing through <see cref="OrganizationJobVisibility"/>; jobs are put in the
/// queues directly (their content does not matter to who sees them).
/// </summary>
internal sealed class MonitoringFixture : IAsyncDisposable
{
    private MonitoringFixture(OrganizationFixture o, JobsFixture jobs)
    {
        O = o;
        J = jobs;
    }

    public OrganizationFixture O { get; }

    public JobsFixture J { get; }

    public CallerIdentity Management { get; private set; } = null!;

    public CallerIdentity Admin { get; private set; } = null!;

    public CallerIdentity Member { get; private set; } = null!;

    public CallerIdentity Outsider { get; private set; } = null!;

    public static async Task<MonitoringFixture> StartAsync(bool monitoring = true, bool delegated = true)
    {
        var o = new OrganizationFixture();
        var visibility = new OrganizationJobVisibility(new CrossAccountMonitoring(o.Membership, o.ServiceAccess, o.Delegated), o.Store);
        var f = new MonitoringFixture(o, new JobsFixture(visibility: visibility));
        (f.Management, _) = await o.NewOrganizationAsync();
        (string admin, f.Admin) = await o.NewMemberAsync(f.Management, "admin");
        (_, f.Member) = await o.NewMemberAsync(f.Management, "member");
        f.Outsider = await o.NewRootAsync("outsider");
        if (monitoring)
        {
            await o.ServiceAccess.EnableAwsServiceAccessAsync(f.Management, "backup.amazonaws.com");
        }

        if (delegated)
        {
            await o.Delegated.RegisterDelegatedAdministratorAsync(f.Management, admin, "backup.amazonaws.com");
        }

        return f;
    }

    public IEnumerable<CallerIdentity> Everyone => [Management, Admin, Member, Outsider];

    /// <summary>Puts a backup job of <paramref name="account"/> in us-east-1's queue and returns its id.</summary>
    public async Task<string> AddBackupAsync(CallerIdentity account, string state = "COMPLETED", string type = "Directory", string? category = "SUCCESS")
    {
        string resource = $"arn:aws:arca:us-east-1:{account.AccountId}:directory/web";
        var spec = new BackupJobSpec
        {
            Region = JobsFixture.Region,
            BackupVaultName = "cabvault",
            BackupVaultArn = $"arn:aws:backup:us-east-1:{account.AccountId}:backup-vault:cabvault",
            ResourceArn = resource,
            ResourceType = type,
            IamRoleArn = $"arn:aws:iam::{account.AccountId}:role/cabrole",
            RecoveryPointArn = $"arn:aws:backup:us-east-1:{account.AccountId}:recovery-point:{Guid.NewGuid()}",
        };
        return await AddAsync(J.Jobs.Backup(JobsFixture.Region), JobKind.Backup, account, state, category, JobDocuments.ToElement(spec));
    }

    /// <summary>Puts a restore job of <paramref name="account"/> in us-east-1's queue and returns its id.</summary>
    public async Task<string> AddRestoreAsync(CallerIdentity account, string state = "COMPLETED", string type = "Directory")
    {
        var spec = new RestoreJobSpec
        {
            Region = JobsFixture.Region,
            RecoveryPointArn = $"arn:aws:backup:us-east-1:{account.AccountId}:recovery-point:{Guid.NewGuid()}",
            BackupVaultName = "cabvault",
            BackupVaultArn = $"arn:aws:backup:us-east-1:{account.AccountId}:backup-vault:cabvault",
            SourceResourceArn = $"arn:aws:arca:us-east-1:{account.AccountId}:directory/web",
            ResourceType = type,
            RecoveryPointCreationDate = J.Time.GetUtcNow(),
            Metadata = new Dictionary<string, string>(),
            SealedMetadata = "",
        };
        return await AddAsync(J.Jobs.Restore(JobsFixture.Region), JobKind.Restore, account, state, null, JobDocuments.ToElement(spec));
    }

    public ValueTask DisposeAsync() => J.DisposeAsync();

    private async Task<string> AddAsync(JobQueue queue, JobKind kind, CallerIdentity account, string state, string? category, System.Text.Json.JsonElement spec)
    {
        DateTimeOffset now = J.Time.GetUtcNow();
        J.Time.Advance(TimeSpan.FromMilliseconds(1));
        JobRecord job = await queue.EnqueueAsync(new JobRecord
        {
            JobId = Guid.CreateVersion7(now).ToString(),
            Kind = kind,
            AccountId = account.AccountId,
            State = state,
            CreationDate = now,
            StartAfter = now,
            CompletionDate = state is "COMPLETED" or "FAILED" ? now : null,
            MessageCategory = category,
            Spec = spec,
        });
        return job.JobId;
    }
}
