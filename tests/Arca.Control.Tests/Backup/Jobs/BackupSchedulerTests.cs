using Arca.Control.Backup;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Scheduling;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Domain.Plans;
using Arca.Domain.Selections;
using Arca.Storage.Format;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>The scheduler on a fake clock; the fixture's clock starts at 2026-11-26T06:00Z.</summary>
public sealed class BackupSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly JobsFixture _f = new();
    private JobsFixture.Account _a = null!;
    private string _web = null!;
    private string _other = null!;

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        var cab = new Dictionary<string, string> { ["backup"] = "cab" };
        _web = (await _f.RegisterAsync(_a, "Directory", "web", _f.NewDirectory("web", ("a", "a")), cab)).ResourceArn;
        _other = (await _f.RegisterAsync(_a, "Directory", "other", _f.NewDirectory("other", ("b", "b")))).ResourceArn;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_daily_rule_at_five_makes_one_job_per_selected_resource_with_the_eight_hour_window_once()
    {
        string planId = await PlanAsync(Rule("daily"));
        Assert.Equal(SchedulerTickResult.None, await TickAtAsync(Day1.AddHours(6)));

        SchedulerTickResult result = await TickAtAsync(Day1.AddDays(1).AddHours(5).AddSeconds(20));
        Assert.Equal(new SchedulerTickResult(1, 0, 0, 0), result);
        JobRecord job = Assert.Single(await JobsAsync());
        DateTimeOffset at = Day1.AddDays(1).AddHours(5);
        Assert.Equal(("CREATED", at, at.AddHours(8), at.AddDays(7)), (job.State, job.StartAfter, job.StartBy, job.CompleteBy));
        BackupJobSpec spec = JobDocuments.BackupSpec(job);
        Assert.Equal((_web, "cabvault", _a.Role), (spec.ResourceArn, spec.BackupVaultName, spec.IamRoleArn));
        Assert.Equal((planId, "cabplan", "daily", "cron(0 5 ? * * *)", "Etc/UTC"), (spec.CreatedBy!.BackupPlanId, spec.CreatedBy.BackupPlanName, spec.CreatedBy.BackupRuleName, spec.CreatedBy.BackupRuleCron, spec.CreatedBy.BackupRuleTimezone));

        Assert.Equal(SchedulerTickResult.None, await TickAtAsync(Day1.AddDays(1).AddHours(5).AddSeconds(80)));
        Assert.Single(await JobsAsync());
        Assert.Equal(at, (await _f.B.Plans.GetAsync(_a.Caller, planId)).LastExecutionDate);
    }

    [Fact]
    public async Task A_rule_in_a_time_zone_follows_its_wall_clock_across_daylight_saving_time()
    {
        // Europe/Berlin springs forward on 2027-03-28 (02:00 → 03:00): 02:30 does not exist that day.
        _f.Time.Advance(new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero) - _f.Time.GetUtcNow());
        await PlanAsync(Rule("nightly") with { ScheduleExpression = "cron(30 2 * * ? *)", ScheduleExpressionTimezone = "Europe/Berlin" });
        for (DateTimeOffset t = new(2027, 3, 27, 0, 0, 30, TimeSpan.Zero); t < new DateTimeOffset(2027, 3, 30, 0, 0, 0, TimeSpan.Zero); t = t.AddMinutes(30))
        {
            await TickAtAsync(t);
        }

        Assert.Equal(
            [new DateTimeOffset(2027, 3, 27, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero)],
            (await JobsAsync()).Select(j => j.StartAfter));
    }

    [Fact]
    public async Task A_rule_missed_while_Arca_was_down_past_its_start_window_is_recorded_EXPIRED_once_and_a_shorter_outage_still_runs()
    {
        await PlanAsync(Rule("daily") with { StartWindowMinutes = 60, CompletionWindowMinutes = 180 });

        SchedulerTickResult late = await TickAtAsync(Day1.AddDays(2).AddHours(7));
        Assert.Equal(new SchedulerTickResult(0, 1, 1, 0), late);
        JobRecord expired = Assert.Single(await JobsAsync());
        Assert.Equal(("EXPIRED", Day1.AddDays(2).AddHours(5)), (expired.State, expired.StartAfter));
        Assert.Equal(
            "Backup job expired before completion. Arca was not running between the scheduled time 2026-11-28T05:00:00Z and the end of the start window 2026-11-28T06:00:00Z.",
            expired.StatusMessage);

        SchedulerTickResult inWindow = await TickAtAsync(Day1.AddDays(3).AddHours(5).AddMinutes(40));
        Assert.Equal(new SchedulerTickResult(1, 0, 0, 0), inWindow);
        Assert.Equal("CREATED", (await JobsAsync()).Single(j => j.StartAfter == Day1.AddDays(3).AddHours(5)).State);
    }

    [Fact]
    public async Task Overlapping_rules_for_one_resource_make_one_job_that_keeps_the_longest_retention()
    {
        await PlanAsync(
            Rule("daily") with { Lifecycle = new Lifecycle(DeleteAfterDays: 7) },
            Rule("monthly") with { Lifecycle = new Lifecycle(DeleteAfterDays: 365) });
        await PlanAsync("other-plan", Rule("weekly") with { Lifecycle = new Lifecycle(DeleteAfterDays: 30) });

        Assert.Equal(1, (await TickAtAsync(Day1.AddDays(1).AddHours(5).AddSeconds(5))).Created);
        BackupJobSpec spec = JobDocuments.BackupSpec(Assert.Single(await JobsAsync()));
        Assert.Equal((365L, "monthly", "cabplan"), (spec.Lifecycle!.DeleteAfterDays, spec.CreatedBy!.BackupRuleName, spec.CreatedBy.BackupPlanName));
    }

    [Fact]
    public async Task A_tick_repeated_after_a_crash_before_its_mark_moved_creates_no_job_twice()
    {
        await PlanAsync(Rule("daily"));
        DateTimeOffset tick = Day1.AddDays(1).AddHours(5).AddSeconds(5);
        Assert.Equal(1, (await TickAtAsync(tick)).Created);

        // The crash: jobs were created but the marks were lost.
        IMetadataStore store = _f.B.Regions.Get(JobsFixture.Region).Store;
        await store.TransactAsync(async tx =>
        {
            foreach (ScheduleMarkDocument mark in await SchedulingCollections.Marks.ListAsync(tx, DocumentQuery.All))
            {
                await SchedulingCollections.Marks.DeleteAsync(tx, mark.Key);
            }

            return true;
        });
        Assert.Equal(new SchedulerTickResult(0, 0, 0, 1), await TickAtAsync(tick.AddSeconds(30)));
        Assert.Single(await JobsAsync());
    }

    [Fact]
    public async Task Opt_in_and_organization_managed_plans_are_honoured()
    {
        string planId = await PlanAsync(Rule("daily"));
        await _f.B.Selections.CreateAsync(_a.Caller, planId, new CreateBackupSelectionRequest(new BackupSelection
        {
            SelectionName = "explicit",
            IamRoleArn = _a.Role,
            Resources = [_other],
        }));
        await _f.B.Settings.UpdateAsync(_a.Caller, new Dictionary<string, bool> { ["Directory"] = false }, null);
        await MarkOrganizationManagedAsync(planId);

        Assert.Equal(1, (await TickAtAsync(Day1.AddDays(1).AddHours(5).AddSeconds(5))).Created);
        Assert.Equal(_other, JobDocuments.BackupSpec(Assert.Single(await JobsAsync())).ResourceArn);
    }

    [Fact]
    public async Task A_scheduled_job_runs_within_a_minute_and_its_recovery_point_names_the_plan_and_rule()
    {
        string planId = await PlanAsync(Rule("daily"));
        await _f.StartEngineAsync();
        await TickAtAsync(Day1.AddDays(1).AddHours(5).AddSeconds(30));
        JobRecord job = Assert.Single(await JobsAsync());
        JobRecord done = await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), job.JobId);

        Assert.Equal(("COMPLETED", Day1.AddDays(1).AddHours(5).AddSeconds(30)), (done.State, done.InitiationDate));
        RecoveryPointRecord point = _f.Catalog.All.Single();
        Assert.Equal((planId, "daily"), (point.CreatedBy!.BackupPlanId, point.CreatedBy.BackupRuleName));
        Manifest manifest = await _f.Vaults.Get(_a.Id, JobsFixture.Region, "cabvault").Vault.Reader.LoadManifestAsync(BlobId.Parse(point.EngineRecoveryPointId));
        Assert.Equal((planId, "daily"), (manifest.Tags["arca:created-by:BackupPlanId"], manifest.Tags["arca:created-by:BackupRuleName"]));
    }

    private async Task<SchedulerTickResult> TickAtAsync(DateTimeOffset at)
    {
        if (at > _f.Time.GetUtcNow())
        {
            _f.Time.Advance(at - _f.Time.GetUtcNow());
        }

        return await _f.Scheduler.TickAsync(JobsFixture.Region);
    }

    private Task<string> PlanAsync(params BackupRuleInput[] rules) => PlanAsync("cabplan", rules);

    private async Task<string> PlanAsync(string name, params BackupRuleInput[] rules)
    {
        BackupPlanDetails plan = await _f.B.Plans.CreateAsync(_a.Caller, new CreateBackupPlanRequest(BackupFixture.Plan(name, rules)));
        await _f.B.Selections.CreateAsync(_a.Caller, plan.BackupPlanId, new CreateBackupSelectionRequest(new BackupSelection
        {
            SelectionName = "cabresources",
            IamRoleArn = _a.Role,
            ListOfTags = [new TagCondition(TagCondition.StringEquals, "backup", "cab")],
        }));
        return plan.BackupPlanId;
    }

    private static BackupRuleInput Rule(string name) => BackupFixture.Rule(name);

    private async Task<List<JobRecord>> JobsAsync() =>
        [.. (await _f.Jobs.Backup(JobsFixture.Region).ListAsync(DocumentQuery.All)).OrderBy(j => j.StartAfter)];

    private Task MarkOrganizationManagedAsync(string planId) =>
        _f.B.Regions.Get(JobsFixture.Region).Store.TransactAsync(async tx =>
        {
            PlanDocument plan = (await BackupCollections.Plans.GetAsync(tx, BackupCollections.PlanKey(_a.Id, planId)))!;
            return await BackupCollections.Plans.PutAsync(tx, plan with { OrganizationManaged = true });
        });
}
