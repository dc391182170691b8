using System.Security.Cryptography;
using Arca.Control.Backup;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.Copies.Internal;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Domain.Plans;
using Arca.Domain.Selections;
using static Arca.Control.Tests.Backup.Copies.CopyFixture;

namespace Arca.Control.Tests.Backup.Copies;

/// <summary>A rule's copy actions: a scheduled backup that completes starts one copy job per action, durably and once.</summary>
public sealed class CopyActionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly CopyFixture _f = new();
    private string _planId = null!;

    public async Task InitializeAsync()
    {
        await _f.InitializeAsync();
        string dir = _f.NewDirectory("web", ("index.html", RandomNumberGenerator.GetBytes(20_000)));
        await _f.Resources.RegisterAsync(_f.Source.Caller, new RegisterResourceRequest("Directory", "web", dir, Tags: new Dictionary<string, string> { ["backup"] = "cab" }));
        BackupRuleInput rule = BackupFixture.Rule("cabrule") with
        {
            Lifecycle = new Lifecycle(DeleteAfterDays: 35),
            CopyActions = [new CopyAction(VaultArn(West, _f.Destination), new Lifecycle(DeleteAfterDays: 60)), new CopyAction(VaultArn(West, _f.Source))],
        };
        BackupPlanDetails plan = await _f.Plans.CreateAsync(_f.Source.Caller, new CreateBackupPlanRequest(BackupFixture.Plan("cabplan", rule)));
        await _f.Selections.CreateAsync(_f.Source.Caller, plan.BackupPlanId, new CreateBackupSelectionRequest(new BackupSelection
        {
            SelectionName = "cabresources",
            IamRoleArn = _f.Source.Role,
            ListOfTags = [new TagCondition(TagCondition.StringEquals, "backup", "cab")],
        }));
        _planId = plan.BackupPlanId;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_scheduled_backup_that_completes_starts_a_copy_job_per_copy_action_named_after_its_plan_and_rule()
    {
        JobRecord backup = await ScheduledBackupAsync();
        IReadOnlyList<CopyJobDetails> copies = (await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter())).Items;
        Assert.Equal(2, copies.Count);
        foreach (CopyJobDetails copy in copies)
        {
            Assert.Equal("COMPLETED", (await _f.FinishedAsync(East, JobKind.Copy, copy.CopyJobId)).State);
        }

        CopyJobDetails cross = (await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter { ByDestinationVaultArn = VaultArn(West, _f.Destination) })).Items.Single();
        Assert.Equal((backup.JobId, _planId, "cabrule", _f.Source.Role), (cross.CreatedByBackupJobId, cross.CreatedBy!.BackupPlanId, cross.CreatedBy.BackupRuleName, cross.IamRoleArn));
        Assert.Equal(60L, cross.DestinationRecoveryPointLifecycle!.DeleteAfterDays);
        RecoveryPointRecord landed = Assert.Single(await _f.PointsAsync(West, _f.Destination));
        Assert.Equal((60L, VaultArn(East, _f.Source), "cabplan"), (landed.Lifecycle!.DeleteAfterDays, landed.SourceBackupVaultArn, landed.CreatedBy!.BackupPlanName));

        // An action without a lifecycle keeps the recovery point's.
        CopyJobDetails own = (await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter { ByDestinationVaultArn = VaultArn(West, _f.Source) })).Items.Single();
        Assert.Equal(35L, own.DestinationRecoveryPointLifecycle!.DeleteAfterDays);
    }

    [Fact]
    public async Task Starting_the_copy_actions_again_after_a_crash_creates_no_second_copy_job()
    {
        JobRecord backup = await ScheduledBackupAsync();
        RecoveryPointRecord point = Assert.Single(await _f.PointsAsync(East, _f.Source));
        var actions = new CopyActions(_f.V.Regions, _f.Jobs, _f.Time);

        Assert.Equal(0, await actions.StartAsync(backup, point, _f.Source.Role));
        string[] ids = [.. (await _f.Jobs.Copy(East).ListAsync(DocumentQuery.All)).Select(j => j.JobId).Order()];
        Assert.Equal([.. new[] { CopyJobIds.ForCopyAction(backup.JobId, 0, backup.CreationDate), CopyJobIds.ForCopyAction(backup.JobId, 1, backup.CreationDate) }.Order()], ids);
    }

    [Fact]
    public async Task An_on_demand_backup_starts_no_copy_job()
    {
        string dir = _f.NewDirectory("other", ("a.txt", "a"u8.ToArray()));
        await _f.BackUpAsync(dir, name: "other");
        Assert.Empty(await _f.Jobs.Copy(East).ListAsync(DocumentQuery.All));
    }

    [Fact]
    public async Task An_organization_managed_plans_copy_action_is_read_from_the_plan_version_the_job_names()
    {
        RecoveryPointRecord point = await _f.BackUpAsync(_f.NewDirectory("org", ("a.txt", "a"u8.ToArray())), name: "org");
        JobRecord backup = Assert.Single(await _f.Jobs.Backup(East).ListAsync(DocumentQuery.All));
        const string PlanId = "orgs/6f1c2b7e-0d3a-5e8f-9a21-4b7c8d9e0f12";
        BackupRuleInput rule = BackupFixture.Rule("cabrule") with { RuleId = "org-rule", CopyActions = [new CopyAction(VaultArn(West, _f.Destination))] };
        await _f.V.Regions.Get(East).Store.TransactAsync(tx => BackupCollections.PlanVersions.InsertAsync(tx, new PlanVersionDocument
        {
            AccountId = _f.Source.Id,
            BackupPlanId = PlanId,
            BackupPlanArn = $"arn:aws:backup:{East}:{_f.Source.Id}:backup-plan:{PlanId}",
            VersionId = "org-version-1",
            Plan = BackupFixture.Plan("cabplan", rule),
            CreationDate = _f.Time.GetUtcNow(),
            Sequence = 1,
        }));
        var createdBy = new RecoveryPointCreator(PlanId, null, "cabplan", "org-version-1", "org-rule", "cabrule", null, null);

        Assert.Equal(1, await new CopyActions(_f.V.Regions, _f.Jobs, _f.Time).StartAsync(backup, point with { CreatedBy = createdBy }, _f.Source.Role));

        CopyJobDetails copy = Assert.Single((await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter())).Items);
        Assert.Equal(("COMPLETED", PlanId), ((await _f.FinishedAsync(East, JobKind.Copy, copy.CopyJobId)).State, copy.CreatedBy!.BackupPlanId));
        Assert.Equal(createdBy, Assert.Single(await _f.PointsAsync(West, _f.Destination)).CreatedBy);
    }

    private async Task<JobRecord> ScheduledBackupAsync()
    {
        _f.Time.Advance(Day1.AddDays(1).AddHours(5).AddSeconds(20) - _f.Time.GetUtcNow());
        Assert.Equal(1, (await _f.Scheduler.TickAsync(East)).Created);
        JobRecord job = Assert.Single(await _f.Jobs.Backup(East).ListAsync(DocumentQuery.All));
        JobRecord done = await _f.FinishedAsync(East, JobKind.Backup, job.JobId);
        Assert.Equal("COMPLETED", done.State);
        return done;
    }
}
