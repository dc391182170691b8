namespace Arca.Api.Tests.Server.Backup;

/// <summary>Every implemented Backup operation answers bad input with an AWS error naming the field, never a 500.</summary>
public sealed class BackupBadInputTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private BackupApi _api = null!;
    private string _planId = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _api = new BackupApi(_server);
        await _api.AddVaultAsync("cabvault");
        await _api.CreateRoleAsync();
        _planId = (await _api.CreatePlanAsync()).GetProperty("BackupPlanId").GetString()!;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string?, string, string> Cases() => new()
    {
        // CreateBackupPlan
        { "PUT", "/backup/plans/", "{}", "MissingParameterValueException", "BackupPlan: is required" },
        { "PUT", "/backup/plans/", "{\"BackupPlan\":", "SerializationException", "not valid JSON" },
        { "PUT", "/backup/plans/", """{"BackupPlan":[]}""", "InvalidParameterValueException", "BackupPlan: expected an object but found an array" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault","StartWindowMinutes":"8h"}]}}""", "InvalidParameterValueException", "BackupPlan.Rules[0].StartWindowMinutes: expected a number" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r r","TargetBackupVaultName":"cabvault"}]}}""", "InvalidParameterValueException", "BackupPlan.Rules[0].RuleName: 'r r'" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault","ScheduleExpression":"rate(1 day)"}]}}""", "InvalidParameterValueException", "BackupPlan.Rules[0].ScheduleExpression" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"nope"}]}}""", "InvalidParameterValueException", "BackupPlan.Rules[0].TargetBackupVaultName: Backup vault nope does not exist in account ACCOUNT and region us-east-1" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault"}]},"BackupPlanTags":{"k":1}}""", "SerializationException", "BackupPlanTags" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault"}]},"CreatorRequestId":""}""", "InvalidParameterValueException", "CreatorRequestId: must contain 1 to 50" },
        { "PUT", "/backup/plans/", """{"BackupPlan":{"BackupPlanName":"cabplan","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault"}]}}""", "AlreadyExistsException", "A backup plan named cabplan already exists" },

        // GetBackupPlan, ListBackupPlans, ListBackupPlanVersions, ExportBackupPlanTemplate
        { "GET", "/backup/plans/nope/", null, "ResourceNotFoundException", "Backup plan nope not found in account ACCOUNT and region us-east-1" },
        { "GET", "/backup/plans/PLAN/?versionId=nope", null, "ResourceNotFoundException", "Backup plan PLAN has no version nope" },
        { "GET", "/backup/plans/PLAN/?MaxScheduledRunsPreview=many", null, "InvalidParameterValueException", "MaxScheduledRunsPreview: 'many' is not a whole number" },
        { "GET", "/backup/plans/PLAN/?MaxScheduledRunsPreview=11", null, "InvalidParameterValueException", "MaxScheduledRunsPreview: 11 must be between 0 and 10" },
        { "GET", "/backup/plans/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000" },
        { "GET", "/backup/plans/?maxResults=ten", null, "InvalidParameterValueException", "MaxResults: 'ten' is not a whole number" },
        { "GET", "/backup/plans/?includeDeleted=maybe", null, "InvalidParameterValueException", "IncludeDeleted: 'maybe' must be true or false" },
        { "GET", "/backup/plans/?nextToken=forged", null, "InvalidParameterValueException", "NextToken: the token is not valid for this request" },
        { "GET", "/backup/plans/nope/versions/", null, "ResourceNotFoundException", "Backup plan nope not found" },
        { "GET", "/backup/plans/PLAN/versions/?maxResults=1001", null, "InvalidParameterValueException", "MaxResults: 1001" },
        { "GET", "/backup/plans/nope/toTemplate/", null, "ResourceNotFoundException", "Backup plan nope not found" },

        // UpdateBackupPlan, DeleteBackupPlan
        { "POST", "/backup/plans/PLAN", "{}", "MissingParameterValueException", "BackupPlan: is required" },
        { "POST", "/backup/plans/PLAN", """{"BackupPlan":{"Rules":[]}}""", "MissingParameterValueException", "BackupPlan.BackupPlanName: is required" },
        { "POST", "/backup/plans/nope", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault"}]}}""", "ResourceNotFoundException", "Backup plan nope not found" },
        { "POST", "/backup/plans/PLAN", """{"BackupPlan":{"BackupPlanName":"p","Rules":[{"RuleName":"r","TargetBackupVaultName":"cabvault","Lifecycle":{"MoveToColdStorageAfterDays":30,"DeleteAfterDays":60}}]}}""", "InvalidParameterValueException", "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays" },
        { "DELETE", "/backup/plans/nope", null, "ResourceNotFoundException", "Backup plan nope not found" },

        // GetBackupPlanFromJSON
        { "POST", "/backup/template/json/toPlan", "{}", "MissingParameterValueException", "BackupPlanTemplateJson: is required" },
        { "POST", "/backup/template/json/toPlan", """{"BackupPlanTemplateJson":"{not json"}""", "InvalidParameterValueException", "BackupPlan: is not valid JSON" },
        { "POST", "/backup/template/json/toPlan", """{"BackupPlanTemplateJson":"{\"BackupPlanName\":\"p\"}"}""", "MissingParameterValueException", "BackupPlan.Rules: is required" },

        // CreateBackupSelection, GetBackupSelection, ListBackupSelections, DeleteBackupSelection
        { "PUT", "/backup/plans/PLAN/selections/", "{}", "MissingParameterValueException", "BackupSelection: is required" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s"}}""", "MissingParameterValueException", "BackupSelection.IamRoleArn: is required" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"cabrole"}}""", "InvalidParameterValueException", "BackupSelection.IamRoleArn: 'cabrole' must be an IAM role ARN" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::ACCOUNT:role/nobody"}}""", "InvalidParameterValueException", "BackupSelection.IamRoleArn: role nobody does not exist in account ACCOUNT" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::111111111111:role/cabrole"}}""", "InvalidParameterValueException", "BackupSelection.IamRoleArn: role arn:aws:iam::111111111111:role/cabrole belongs to account 111111111111" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::ACCOUNT:role/cabrole","Resources":["arn:aws:arca:us-east-1:ACCOUNT:dir*/x"]}}""", "InvalidParameterValueException", "BackupSelection.Resources[0]" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::ACCOUNT:role/cabrole","ListOfTags":[{"ConditionType":"STRINGLIKE","ConditionKey":"k","ConditionValue":"v"}]}}""", "InvalidParameterValueException", "BackupSelection.ListOfTags[0].ConditionType: 'STRINGLIKE' must be STRINGEQUALS" },
        { "PUT", "/backup/plans/PLAN/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::ACCOUNT:role/cabrole","Conditions":{"StringEquals":[{"ConditionKey":"env","ConditionValue":"prod"}]}}}""", "InvalidParameterValueException", "BackupSelection.Conditions.StringEquals[0].ConditionKey" },
        { "PUT", "/backup/plans/nope/selections/", """{"BackupSelection":{"SelectionName":"s","IamRoleArn":"arn:aws:iam::ACCOUNT:role/cabrole"}}""", "ResourceNotFoundException", "Backup plan nope not found" },
        { "GET", "/backup/plans/PLAN/selections/nope", null, "ResourceNotFoundException", "Backup selection nope not found in backup plan PLAN" },
        { "GET", "/backup/plans/nope/selections/", null, "ResourceNotFoundException", "Backup plan nope not found" },
        { "GET", "/backup/plans/PLAN/selections/?nextToken=x.y", null, "InvalidParameterValueException", "NextToken" },
        { "DELETE", "/backup/plans/PLAN/selections/nope", null, "ResourceNotFoundException", "Backup selection nope not found" },

        // Settings
        { "PUT", "/account-settings", "{}", "MissingParameterValueException", "ResourceTypeOptInPreference or ResourceTypeManagementPreference" },
        { "PUT", "/account-settings", """{"ResourceTypeOptInPreference":{"EBS":true}}""", "InvalidParameterValueException", "ResourceTypeOptInPreference: 'EBS' is not a resource type Arca supports" },
        { "PUT", "/account-settings", """{"ResourceTypeOptInPreference":{"SQLite":"yes"}}""", "SerializationException", "ResourceTypeOptInPreference" },

        // Tags
        { "POST", "/tags/not-an-arn", """{"Tags":{"k":"v"}}""", "InvalidParameterValueException", "ResourceArn: 'not-an-arn' is not an ARN" },
        { "POST", "/tags/PLANARN", "{}", "MissingParameterValueException", "Tags: is required" },
        { "POST", "/tags/PLANARN", """{"Tags":{"aws:owner":"x"}}""", "InvalidParameterValueException", "Tags: the tag key 'aws:owner' uses the prefix aws:" },
        { "POST", "/untag/PLANARN", "{}", "MissingParameterValueException", "TagKeyList: is required" },
        { "GET", "/tags/arn%3Aaws%3Aec2%3Aus-east-1%3AACCOUNT%3Avolume%2Fvol-1/", null, "InvalidParameterValueException", "cannot be tagged here" },
        { "GET", "/tags/arn%3Aaws%3Abackup%3Aus-east-1%3AACCOUNT%3Abackup-plan%3Anope/", null, "ResourceNotFoundException", "backup-plan:nope not found in account ACCOUNT" },

        // Resource inventory
        { "PUT", "/arca/resources", "{}", "MissingParameterValueException", "Type: is required" },
        { "PUT", "/arca/resources", """{"Type":"Tape","Name":"t","Path":"/tmp"}""", "InvalidParameterValueException", "Type: 'Tape' is not a resource type (expected one of Directory, PostgreSQL, SQLite)" },
        { "PUT", "/arca/resources", """{"Type":"Directory","Path":"/tmp"}""", "MissingParameterValueException", "Name: is required" },
        { "PUT", "/arca/resources", """{"Type":"Directory","Name":"a b","Path":"/tmp"}""", "InvalidParameterValueException", "Name: 'a b'" },
        { "PUT", "/arca/resources", """{"Type":"Directory","Name":"d"}""", "MissingParameterValueException", "Path: is required" },
        { "PUT", "/arca/resources", """{"Type":"Directory","Name":"d","Path":"relative/dir"}""", "InvalidParameterValueException", "Path: " },
        { "PUT", "/arca/resources", """{"Type":"Directory","Name":"d","Path":"/nonexistent/arca/dir"}""", "InvalidParameterValueException", "Path: " },
        { "PUT", "/arca/resources", """{"Type":"PostgreSQL","Name":"db"}""", "MissingParameterValueException", "ConnectionString: is required" },
        { "PUT", "/arca/resources", """{"Type":"PostgreSQL","Name":"db","ConnectionString":"Database=x"}""", "InvalidParameterValueException", "ConnectionString: " },
        { "GET", "/arca/resources?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0" },
        { "GET", "/arca/resources?resourceType=Tape", null, "InvalidParameterValueException", "Type: 'Tape'" },
        { "GET", "/arca/resources/nope", null, "InvalidParameterValueException", "ResourceArn: 'nope' is not the ARN of an Arca resource" },
        { "DELETE", "/arca/resources/arn%3Aaws%3Aarca%3Aus-east-1%3AACCOUNT%3Adirectory%2Fnope", null, "ResourceNotFoundException", "is not registered in account ACCOUNT" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_an_aws_error_naming_the_field(string method, string path, string? body, string code, string message)
    {
        string planArn = $"arn:aws:backup:us-east-1:{_server.AccountId}:backup-plan:{_planId}";
        string Fill(string text) => text.Replace("PLANARN", BackupApi.Escape(planArn), StringComparison.Ordinal)
            .Replace("PLAN", _planId, StringComparison.Ordinal).Replace("ACCOUNT", _server.AccountId, StringComparison.Ordinal);

        BackupApi.Reply reply = await _api.SendAsync(method, Fill(path), body is null ? null : Fill(body));

        Assert.True(reply.Status == 400 && reply.Code == code, $"{method} {path}: {reply.Status} {reply.Text}");
        Assert.Contains(Fill(message), reply.Message, StringComparison.Ordinal);
        Assert.Equal(code, reply.Json.GetProperty("Code").GetString());
        Assert.Equal("User", reply.Json.GetProperty("Type").GetString());
    }
}
