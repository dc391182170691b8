using Arca.Control.Backup;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Domain.Plans;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup;

public sealed class BackupPlanServiceTests
{
    private readonly BackupFixture _f = new();

    [Fact]
    public async Task Create_fills_in_aws_defaults_and_a_rule_id_and_returns_the_plan_arn()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails created = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));

        Assert.Equal($"arn:aws:backup:us-east-1:{root.AccountId}:backup-plan:{created.BackupPlanId}", created.BackupPlanArn);
        Assert.True(Guid.TryParse(created.BackupPlanId, out _));
        Assert.Equal(48, created.VersionId.Length);
        Assert.Equal(ControlFixture.T0, created.CreationDate);
        BackupRuleInput rule = Assert.Single((await _f.Plans.GetAsync(root, created.BackupPlanId)).BackupPlan.Rules!);
        Assert.Equal(("cron(0 5 ? * * *)", "Etc/UTC", 480L, 10080L), (rule.ScheduleExpression, rule.ScheduleExpressionTimezone, rule.StartWindowMinutes, rule.CompletionWindowMinutes));
        Assert.True(Guid.TryParse(rule.RuleId, out _));
    }

    [Fact]
    public async Task A_missing_target_vault_is_refused_naming_the_rule_field()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(
            () => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan("p", Rule(), Rule("second", "nope")))),
            "InvalidParameterValueException",
            $"BackupPlan.Rules[1].TargetBackupVaultName: Backup vault nope does not exist in account {root.AccountId} and region us-east-1");
    }

    [Fact]
    public async Task Invalid_plans_tags_and_tokens_are_refused_naming_the_field()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(null)), "MissingParameterValueException", "BackupPlan: is required");
        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan() with { Rules = [Rule() with { StartWindowMinutes = 5 }] })),
            "InvalidParameterValueException", "BackupPlan.Rules[0].StartWindowMinutes");
        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan(), new Dictionary<string, string> { ["aws:x"] = "y" })),
            "InvalidParameterValueException", "BackupPlanTags: the tag key 'aws:x' uses the prefix aws:");
        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan(), null, "not valid!")),
            "InvalidParameterValueException", "CreatorRequestId: must contain 1 to 50");
    }

    [Fact]
    public async Task A_repeated_creator_request_id_returns_the_same_plan_and_a_different_request_with_it_is_refused()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails first = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan(), null, "req-1"));
        BackupPlanDetails again = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan(), null, "req-1"));
        Assert.Equal((first.BackupPlanId, first.VersionId), (again.BackupPlanId, again.VersionId));
        Assert.Equal("req-1", (await _f.Plans.GetAsync(root, first.BackupPlanId)).CreatorRequestId);

        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan("other"), null, "req-1")),
            "AlreadyExistsException", $"CreatorRequestId req-1 was already used to create backup plan {first.BackupPlanArn} from a different request");
        Assert.Single((await _f.Plans.ListAsync(root)).Items);
    }

    [Fact]
    public async Task Plan_names_are_unique_among_active_plans()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails first = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        await Throws(() => _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan())), "AlreadyExistsException", $"A backup plan named cabplan already exists: {first.BackupPlanArn}");

        await _f.Plans.DeleteAsync(root, first.BackupPlanId);
        BackupPlanDetails second = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        Assert.NotEqual(first.BackupPlanId, second.BackupPlanId);
    }

    [Fact]
    public async Task Update_makes_a_new_version_keeps_rule_ids_by_name_and_every_version_stays_readable()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails v1 = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        string ruleId = v1.BackupPlan.Rules![0].RuleId!;
        _f.Identity.Time.Advance(TimeSpan.FromMinutes(1));
        BackupPlanDetails v2 = await _f.Plans.UpdateAsync(root, v1.BackupPlanId, Plan("renamed", Rule() with { StartWindowMinutes = 60, RuleId = "ignored" }, Rule("extra")));
        _f.Identity.Time.Advance(TimeSpan.FromMinutes(1));
        BackupPlanDetails v3 = await _f.Plans.UpdateAsync(root, v1.BackupPlanId, Plan("renamed", Rule("extra")));

        Assert.Equal(3, new[] { v1.VersionId, v2.VersionId, v3.VersionId }.Distinct().Count());
        Assert.Equal(ruleId, v2.BackupPlan.Rules![0].RuleId);
        Assert.NotEqual(ruleId, v2.BackupPlan.Rules[1].RuleId);
        Assert.Equal(v2.BackupPlan.Rules[1].RuleId, v3.BackupPlan.Rules![0].RuleId);
        Assert.Equal(ControlFixture.T0.AddMinutes(1), v2.CreationDate);

        BackupPlanDetails old = await _f.Plans.GetAsync(root, v1.BackupPlanId, v1.VersionId);
        Assert.Equal(("cabplan", v1.VersionId, ControlFixture.T0), (old.BackupPlan.BackupPlanName, old.VersionId, old.CreationDate));
        Assert.Equal("renamed", (await _f.Plans.GetAsync(root, v1.BackupPlanId)).BackupPlan.BackupPlanName);
        await Throws(() => _f.Plans.GetAsync(root, v1.BackupPlanId, "nope"), "ResourceNotFoundException", $"Backup plan {v1.BackupPlanId} has no version nope");

        BackupPage<BackupPlanDetails> first = await _f.Plans.ListVersionsAsync(root, v1.BackupPlanId, maxResults: 2);
        Assert.Equal([v1.VersionId, v2.VersionId], first.Items.Select(v => v.VersionId));
        BackupPage<BackupPlanDetails> second = await _f.Plans.ListVersionsAsync(root, v1.BackupPlanId, first.NextToken, 2);
        Assert.Equal([v3.VersionId], second.Items.Select(v => v.VersionId));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Delete_is_soft_and_refused_while_selections_exist()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewBackupRoleAsync(root);
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        BackupSelectionDetails selection = await _f.Selections.CreateAsync(root, plan.BackupPlanId, new CreateBackupSelectionRequest(
            new Domain.Selections.BackupSelection { SelectionName = "s", IamRoleArn = $"arn:aws:iam::{root.AccountId}:role/cabrole" }));

        await Throws(() => _f.Plans.DeleteAsync(root, plan.BackupPlanId), "InvalidRequestException", "Related backup plan selections must be deleted prior to backup plan deletion.");
        await _f.Selections.DeleteAsync(root, plan.BackupPlanId, selection.SelectionId);
        _f.Identity.Time.Advance(TimeSpan.FromHours(1));
        BackupPlanDetails deleted = await _f.Plans.DeleteAsync(root, plan.BackupPlanId);

        Assert.Equal((plan.VersionId, ControlFixture.T0.AddHours(1)), (deleted.VersionId, deleted.DeletionDate));
        Assert.Empty((await _f.Plans.ListAsync(root)).Items);
        Assert.Equal(deleted.DeletionDate, Assert.Single((await _f.Plans.ListAsync(root, includeDeleted: true)).Items).DeletionDate);
        Assert.Equal(deleted.DeletionDate, (await _f.Plans.GetAsync(root, plan.BackupPlanId, plan.VersionId)).DeletionDate);
        await Throws(() => _f.Plans.DeleteAsync(root, plan.BackupPlanId), "ResourceNotFoundException", "was deleted on");
        await Throws(() => _f.Plans.UpdateAsync(root, plan.BackupPlanId, Plan()), "ResourceNotFoundException", "was deleted on");
    }

    [Fact]
    public async Task Lists_are_paged_with_signed_tokens()
    {
        CallerIdentity root = await _f.NewRootAsync();
        List<string> ids = [];
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan($"p{i}")))).BackupPlanId);
            _f.Identity.Time.Advance(TimeSpan.FromMilliseconds(5));
        }

        List<string> seen = [];
        string? token = null;
        int pages = 0;
        do
        {
            BackupPage<BackupPlanDetails> page = await _f.Plans.ListAsync(root, nextToken: token, maxResults: 2);
            seen.AddRange(page.Items.Select(p => p.BackupPlanId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
        await Throws(() => _f.Plans.ListAsync(root, nextToken: "forged.token"), "InvalidParameterValueException", "NextToken: the token is not valid");
        BackupPage<BackupPlanDetails> firstPage = await _f.Plans.ListAsync(root, maxResults: 2);
        await Throws(() => _f.Plans.ListAsync(root, includeDeleted: true, nextToken: firstPage.NextToken), "InvalidParameterValueException", "NextToken");
        await Throws(() => _f.Plans.ListAsync(root, maxResults: 0), "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000");
    }

    [Fact]
    public async Task Get_previews_the_next_scheduled_runs_of_every_rule_in_time_order()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan("p", Rule("daily"), Rule("six-hourly") with { ScheduleExpression = "cron(0 0/6 ? * * *)" })));
        string daily = plan.BackupPlan.Rules![0].RuleId!;
        string sixHourly = plan.BackupPlan.Rules[1].RuleId!;

        BackupPlanDetails got = await _f.Plans.GetAsync(root, plan.BackupPlanId, maxScheduledRunsPreview: 5);

        DateTimeOffset day = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [(day.AddHours(12), sixHourly), (day.AddHours(18), sixHourly), (day.AddHours(24), sixHourly), (day.AddHours(29), daily), (day.AddHours(30), sixHourly)],
            got.ScheduledRunsPreview.Select(r => (r.ExecutionTime, r.RuleId)));
        Assert.All(got.ScheduledRunsPreview, r => Assert.Equal("SNAPSHOTS", r.RuleExecutionType));
        Assert.Empty((await _f.Plans.GetAsync(root, plan.BackupPlanId)).ScheduledRunsPreview);
        await Throws(() => _f.Plans.GetAsync(root, plan.BackupPlanId, maxScheduledRunsPreview: 11), "InvalidParameterValueException", "MaxScheduledRunsPreview: 11 must be between 0 and 10");
    }

    [Fact]
    public async Task Plans_belong_to_their_account_and_region()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));

        await Throws(() => _f.Plans.GetAsync(other, plan.BackupPlanId), "ResourceNotFoundException", $"Backup plan {plan.BackupPlanId} not found in account {other.AccountId}");
        await Throws(() => _f.Plans.GetAsync(root with { Region = "eu-west-1" }, plan.BackupPlanId), "ResourceNotFoundException", "region eu-west-1");
        Assert.Empty((await _f.Plans.ListAsync(other)).Items);
        await Throws(() => _f.Plans.CreateAsync(root with { Region = "eu-west-1" }, new CreateBackupPlanRequest(Plan())), "InvalidParameterValueException", "region eu-west-1");
    }

    [Fact]
    public async Task A_session_needs_permission()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.Identity.NewRoleAsync(root, "reader", root.AccountId, ("read", ControlFixture.Allow("backup:GetBackupPlan")));
        CallerIdentity session = await _f.Identity.AssumeAsync(root, role);
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));

        Assert.Equal(plan.BackupPlanId, (await _f.Plans.GetAsync(session, plan.BackupPlanId)).BackupPlanId);
        AccessDeniedException denied = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Plans.DeleteAsync(session, plan.BackupPlanId));
        Assert.Contains("backup:DeleteBackupPlan", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_managed_plan_is_read_only()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewBackupRoleAsync(root);
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan("org-plan")));
        await MarkOrganizationManagedAsync(root.AccountId, plan.BackupPlanId);
        const string Refusal = "is managed by AWS Organizations and cannot be changed";

        Assert.True((await _f.Plans.GetAsync(root, plan.BackupPlanId)).OrganizationManaged);
        await Throws(() => _f.Plans.UpdateAsync(root, plan.BackupPlanId, Plan("org-plan")), "InvalidRequestException", $"Backup plan org-plan ({plan.BackupPlanId}) {Refusal}");
        await Throws(() => _f.Plans.DeleteAsync(root, plan.BackupPlanId), "InvalidRequestException", Refusal);
        await Throws(() => _f.Selections.CreateAsync(root, plan.BackupPlanId, new CreateBackupSelectionRequest(
            new Domain.Selections.BackupSelection { SelectionName = "s", IamRoleArn = $"arn:aws:iam::{root.AccountId}:role/cabrole" })), "InvalidRequestException", Refusal);
        await Throws(() => _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, new Dictionary<string, string> { ["k"] = "v" }), "InvalidRequestException", Refusal);
        Assert.Empty(await _f.Tags.ListTagsAsync(root, plan.BackupPlanArn));
    }

    /// <summary>What Organizations (issue 5) will do: set the documented marker on a stored plan.</summary>
    private async Task MarkOrganizationManagedAsync(string accountId, string planId)
    {
        IMetadataStore store = _f.Regions.Get("us-east-1").Store;
        await store.TransactAsync(async tx =>
        {
            StoredDocument doc = (await tx.GetAsync("plans", $"{accountId}/{planId}"))!;
            var json = System.Text.Json.Nodes.JsonNode.Parse(doc.Json)!.AsObject();
            json["OrganizationManaged"] = true;
            return await tx.PutAsync("plans", doc.Key, json.ToJsonString(), doc.Index);
        });
    }
}
