using System.Text.Json;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Plans and selections over the wire: shapes, defaults, versions, soft delete, pagination, org-managed plans.</summary>
public sealed class BackupPlanEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private BackupApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _api = new BackupApi(_server);
        await _api.AddVaultAsync("cabvault");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_and_get_return_aws_shapes_with_defaults_and_epoch_timestamps()
    {
        JsonElement created = await _api.CreatePlanAsync(extra: ""","BackupPlanTags":{"team":"ops"},"CreatorRequestId":"c-1" """);
        string id = created.GetProperty("BackupPlanId").GetString()!;
        Assert.Equal($"arn:aws:backup:us-east-1:{_server.AccountId}:backup-plan:{id}", created.GetProperty("BackupPlanArn").GetString());
        Assert.Equal(TestServer.T0.ToUnixTimeSeconds(), created.GetProperty("CreationDate").GetDecimal());

        JsonElement got = await _api.OkAsync("GET", $"/backup/plans/{id}/");
        JsonElement rule = got.GetProperty("BackupPlan").GetProperty("Rules")[0];
        Assert.Equal("cron(0 5 ? * * *)", rule.GetProperty("ScheduleExpression").GetString());
        Assert.Equal("Etc/UTC", rule.GetProperty("ScheduleExpressionTimezone").GetString());
        Assert.Equal((480, 10080), (rule.GetProperty("StartWindowMinutes").GetInt32(), rule.GetProperty("CompletionWindowMinutes").GetInt32()));
        Assert.True(Guid.TryParse(rule.GetProperty("RuleId").GetString(), out _));
        Assert.Equal("c-1", got.GetProperty("CreatorRequestId").GetString());
        Assert.False(got.TryGetProperty("DeletionDate", out _));
        Assert.False(got.TryGetProperty("ScheduledRunsPreview", out _));
        Assert.Equal("ops", (await _api.OkAsync("GET", $"/tags/{BackupApi.Escape(created.GetProperty("BackupPlanArn").GetString()!)}/")).GetProperty("Tags").GetProperty("team").GetString());

        JsonElement preview = await _api.OkAsync("GET", $"/backup/plans/{id}?MaxScheduledRunsPreview=2");
        JsonElement first = preview.GetProperty("ScheduledRunsPreview")[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), first.GetProperty("ExecutionTime").GetDecimal());
        Assert.Equal(("SNAPSHOTS", rule.GetProperty("RuleId").GetString()), (first.GetProperty("RuleExecutionType").GetString(), first.GetProperty("RuleId").GetString()));
    }

    [Fact]
    public async Task Updates_make_versions_that_stay_readable_and_delete_is_soft()
    {
        string id = (await _api.CreatePlanAsync()).GetProperty("BackupPlanId").GetString()!;
        string v1 = (await _api.OkAsync("GET", $"/backup/plans/{id}/")).GetProperty("VersionId").GetString()!;
        JsonElement updated = await _api.OkAsync("POST", $"/backup/plans/{id}",
            """{"BackupPlan":{"BackupPlanName":"renamed","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"cabvault","StartWindowMinutes":60}]}}""");
        string v2 = updated.GetProperty("VersionId").GetString()!;
        Assert.NotEqual(v1, v2);

        JsonElement versions = await _api.OkAsync("GET", $"/backup/plans/{id}/versions/");
        Assert.Equal([v1, v2], versions.GetProperty("BackupPlanVersionsList").EnumerateArray().Select(v => v.GetProperty("VersionId").GetString()));
        Assert.Equal("cabplan", (await _api.OkAsync("GET", $"/backup/plans/{id}/?versionId={Uri.EscapeDataString(v1)}")).GetProperty("BackupPlan").GetProperty("BackupPlanName").GetString());

        JsonElement deleted = await _api.OkAsync("DELETE", $"/backup/plans/{id}");
        Assert.Equal((id, v2), (deleted.GetProperty("BackupPlanId").GetString(), deleted.GetProperty("VersionId").GetString()));
        Assert.True(deleted.TryGetProperty("DeletionDate", out _));
        Assert.Empty((await _api.OkAsync("GET", "/backup/plans/")).GetProperty("BackupPlansList").EnumerateArray());
        JsonElement withDeleted = (await _api.OkAsync("GET", "/backup/plans/?includeDeleted=true")).GetProperty("BackupPlansList")[0];
        Assert.Equal("renamed", withDeleted.GetProperty("BackupPlanName").GetString());
        Assert.True((await _api.OkAsync("GET", $"/backup/plans/{id}/?versionId={Uri.EscapeDataString(v1)}")).TryGetProperty("DeletionDate", out _));
    }

    [Fact]
    public async Task Plans_are_listed_in_pages()
    {
        for (int i = 0; i < 5; i++)
        {
            await _api.CreatePlanAsync($"p{i}");
            _server.Time.Advance(TimeSpan.FromMilliseconds(3));
        }

        List<string> names = [];
        string path = "/backup/plans/?maxResults=2";
        for (int pages = 1; ; pages++)
        {
            JsonElement page = await _api.OkAsync("GET", path);
            names.AddRange(page.GetProperty("BackupPlansList").EnumerateArray().Select(p => p.GetProperty("BackupPlanName").GetString()!));
            if (!page.TryGetProperty("NextToken", out JsonElement token))
            {
                Assert.Equal(3, pages);
                break;
            }

            path = $"/backup/plans/?maxResults=2&nextToken={Uri.EscapeDataString(token.GetString()!)}";
        }

        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], names);
    }

    [Fact]
    public async Task Selections_need_an_existing_role_and_block_plan_deletion_until_deleted()
    {
        string id = (await _api.CreatePlanAsync()).GetProperty("BackupPlanId").GetString()!;
        string selection = $$$"""{"BackupSelection":{"SelectionName":"cabresources","IamRoleArn":"arn:aws:iam::{{{_server.AccountId}}}:role/cabrole","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]}}""";

        BackupApi.Reply missing = await _api.SendAsync("PUT", $"/backup/plans/{id}/selections/", selection);
        Assert.Equal((400, "InvalidParameterValueException"), (missing.Status, missing.Code));
        Assert.StartsWith("BackupSelection.IamRoleArn: role cabrole does not exist in account", missing.Message, StringComparison.Ordinal);

        await _api.CreateRoleAsync();
        string selectionId = (await _api.OkAsync("PUT", $"/backup/plans/{id}/selections/", selection)).GetProperty("SelectionId").GetString()!;
        JsonElement got = await _api.OkAsync("GET", $"/backup/plans/{id}/selections/{selectionId}");
        Assert.Equal("cab", got.GetProperty("BackupSelection").GetProperty("ListOfTags")[0].GetProperty("ConditionValue").GetString());
        JsonElement member = (await _api.OkAsync("GET", $"/backup/plans/{id}/selections/")).GetProperty("BackupSelectionsList")[0];
        Assert.Equal(("cabresources", $"arn:aws:iam::{_server.AccountId}:role/cabrole"), (member.GetProperty("SelectionName").GetString(), member.GetProperty("IamRoleArn").GetString()));

        BackupApi.Reply refused = await _api.SendAsync("DELETE", $"/backup/plans/{id}");
        Assert.Equal((400, "InvalidRequestException", "Related backup plan selections must be deleted prior to backup plan deletion."), (refused.Status, refused.Code, refused.Message));
        await _api.OkAsync("DELETE", $"/backup/plans/{id}/selections/{selectionId}");
        await _api.OkAsync("DELETE", $"/backup/plans/{id}");
    }

    [Fact]
    public async Task Templates_round_trip_through_export_and_from_json()
    {
        string id = (await _api.CreatePlanAsync()).GetProperty("BackupPlanId").GetString()!;
        string template = (await _api.OkAsync("GET", $"/backup/plans/{id}/toTemplate/")).GetProperty("BackupPlanTemplateJson").GetString()!;
        Assert.DoesNotContain("RuleId", template, StringComparison.Ordinal);

        JsonElement plan = (await _api.OkAsync("POST", "/backup/template/json/toPlan", JsonSerializer.Serialize(new { BackupPlanTemplateJson = template }))).GetProperty("BackupPlan");
        Assert.Equal("cabplan", plan.GetProperty("BackupPlanName").GetString());
        Assert.Equal(480, plan.GetProperty("Rules")[0].GetProperty("StartWindowMinutes").GetInt32());
    }

    [Fact]
    public async Task An_organization_managed_plan_and_its_selections_cannot_be_changed()
    {
        await _api.CreateRoleAsync();
        string planId = "orgs/cabplan-0001";
        await PutOrganizationPlanAsync(planId);
        string arn = $"arn:aws:backup:us-east-1:{_server.AccountId}:backup-plan:{planId}";
        const string Refusal = "Backup plan cabplan (orgs/cabplan-0001) is managed by AWS Organizations and cannot be changed; change the organization's backup policy instead";
        string label = BackupApi.Escape(planId);

        Assert.Equal("cabplan", (await _api.OkAsync("GET", $"/backup/plans/{label}/")).GetProperty("BackupPlan").GetProperty("BackupPlanName").GetString());
        Assert.Single((await _api.OkAsync("GET", "/backup/plans/")).GetProperty("BackupPlansList").EnumerateArray());
        (string Method, string Path, string? Body)[] mutations =
        [
            ("POST", $"/backup/plans/{label}", """{"BackupPlan":{"BackupPlanName":"mine","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault"}]}}"""),
            ("DELETE", $"/backup/plans/{label}", null),
            ("PUT", $"/backup/plans/{label}/selections/", $$$"""{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::{{{_server.AccountId}}}:role/cabrole"}}"""),
            ("DELETE", $"/backup/plans/{label}/selections/sel-1", null),
            ("POST", $"/tags/{BackupApi.Escape(arn)}", """{"Tags":{"k":"v"}}"""),
            ("POST", $"/untag/{BackupApi.Escape(arn)}", """{"TagKeyList":["owner"]}"""),
        ];
        foreach ((string method, string path, string? body) in mutations)
        {
            BackupApi.Reply reply = await _api.SendAsync(method, path, body);
            Assert.True((reply.Status, reply.Code, reply.Message) == (400, "InvalidRequestException", Refusal), $"{method} {path}: {reply.Text}");
        }

        Assert.Equal("cabresources", (await _api.OkAsync("GET", $"/backup/plans/{label}/selections/sel-1")).GetProperty("BackupSelection").GetProperty("SelectionName").GetString());
    }

    [Theory]
    [InlineData("PUT", "/backup/plans/", "{\"BackupPlan\":{\"BackupPlanName\":\"a\\udf3d\",\"Rules\":[]}}", "$.BackupPlan.BackupPlanName")]
    [InlineData("PUT", "/backup/plans/", "{\"BackupPlan\":{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\",\"RecoveryPointTags\":{\"\\ud800\":\"v\"}}]}}", "$.BackupPlan.Rules[0].RecoveryPointTags")]
    [InlineData("PUT", "/backup-jobs", "{\"Index\":\"\\udfff\"}", "$.Index")]
    public async Task Strings_that_are_not_text_in_raw_json_members_are_SerializationException_400(string method, string path, string body, string named)
    {
        BackupApi.Reply reply = await _api.SendAsync(method, path, body);
        Assert.True((reply.Status, reply.Code) == (400, "SerializationException"), reply.Text);
        Assert.Contains(named, reply.Message, StringComparison.Ordinal);

        byte[] invalid = [.. "{\"BackupPlan\":{\"BackupPlanName\":\"a"u8, 0xFF, .. "\",\"Rules\":[]}}"u8];
        reply = await _api.SendBytesAsync("PUT", "/backup/plans/", invalid);
        Assert.True((reply.Status, reply.Code) == (400, "SerializationException"), reply.Text);
        Assert.Contains("$.BackupPlan.BackupPlanName", reply.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes an organization-managed plan and one selection as documented in backup-service.md §1, as Organizations will.</summary>
    private async Task PutOrganizationPlanAsync(string planId)
    {
        string account = _server.AccountId;
        string arn = $"arn:aws:backup:us-east-1:{account}:backup-plan:{planId}";
        string plan = """{"BackupPlanName":"cabplan","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"cabvault","ScheduleExpression":"cron(0 5 ? * * *)","StartWindowMinutes":480,"CompletionWindowMinutes":10080,"RuleId":"r-1","ScheduleExpressionTimezone":"Etc/UTC"}]}""";
        string document = $$"""{"AccountId":"{{account}}","BackupPlanId":"{{planId}}","BackupPlanArn":"{{arn}}","VersionId":"v-1","Plan":{{plan}},"CreationDate":"2026-11-26T06:00:00+00:00","Tags":{"owner":"org"},"OrganizationManaged":true,"VersionSequence":1}""";
        string selection = $$"""{"AccountId":"{{account}}","BackupPlanId":"{{planId}}","SelectionId":"sel-1","Selection":{"SelectionName":"cabresources","IamRoleArn":"arn:aws:iam::{{account}}:role/cabrole","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]},"CreationDate":"2026-11-26T06:00:00+00:00"}""";
        IMetadataStore store = _server.Server.Services.GetRequiredService<RegionSet>().Get("us-east-1").Store;
        await store.TransactAsync(async tx =>
        {
            await tx.PutAsync("plans", $"{account}/{planId}", document, new IndexFields(account, "active"));
            return await tx.PutAsync("selections", $"{account}/{planId}/sel-1", selection, new IndexFields(account, planId));
        });
    }
}
