using System.Text.Json;

using Arca.Domain.Plans;

namespace Arca.Domain.Tests.Plans;

public sealed class BackupPlanJsonTests
{
    private static BackupPlanError ParseError(string json)
    {
        Assert.False(BackupPlanJson.TryParse(json, out BackupPlanInput? plan, out BackupPlanError? error));
        Assert.Null(plan);
        Assert.Equal(BackupPlanErrorType.InvalidParameterValue, error.Type);
        return error;
    }

    [Fact]
    public void The_reference_plan_round_trips_byte_for_byte()
    {
        string json = GoldenFile.Read("full-plan.json");
        Assert.True(BackupPlanJson.TryParse(json, out BackupPlanInput? plan, out BackupPlanError? error), error?.Message);
        Assert.Null(BackupPlanValidator.Validate(plan));
        GoldenFile.AssertMatches("full-plan.json", BackupPlanJson.Write(plan));
    }

    [Fact]
    public void Members_are_read_into_the_model()
    {
        Assert.True(BackupPlanJson.TryParse(GoldenFile.Read("full-plan.json"), out BackupPlanInput? plan, out _));
        BackupRuleInput rule = Assert.Single(plan.Rules!);
        Assert.Equal("daily-35", plan.BackupPlanName);
        Assert.Equal(new Lifecycle(30, 120, false), rule.Lifecycle);
        Assert.Equal("backup", rule.RecoveryPointTags!["owner"]);
        Assert.Equal(new CopyAction("arn:aws:backup:us-west-2:222222222222:backup-vault:central", new Lifecycle(DeleteAfterDays: 365)), rule.CopyActions![0]);
        Assert.False(rule.EnableContinuousBackup);
        Assert.Equal("enabled", plan.AdvancedBackupSettings![0].BackupOptions!["WindowsVSS"]);
    }

    [Fact]
    public void Compact_output_has_no_whitespace()
    {
        var plan = new BackupPlanInput { BackupPlanName = "p", Rules = [new BackupRuleInput { RuleName = "r", StartWindowMinutes = 60 }] };
        Assert.Equal("""{"BackupPlanName":"p","Rules":[{"RuleName":"r","StartWindowMinutes":60}]}""", BackupPlanJson.Write(plan, indented: false));
    }

    [Fact]
    public void A_CreateBackupPlan_body_is_unwrapped()
    {
        const string body = """{"BackupPlan":{"BackupPlanName":"p","Rules":[]},"CreatorRequestId":"x","BackupPlanTags":{"a":"b"}}""";
        Assert.True(BackupPlanJson.TryParse(body, out BackupPlanInput? plan, out _));
        Assert.Equal("p", plan.BackupPlanName);
    }

    [Fact]
    public void Unknown_members_and_nulls_are_ignored()
    {
        const string json = """{"BackupPlanName":"p","Rules":[{"RuleName":"r","IndexActions":[{"ResourceTypes":["EBS"]}],"Lifecycle":null}],"Future":1}""";
        Assert.True(BackupPlanJson.TryParse(json, out BackupPlanInput? plan, out _));
        Assert.Null(plan.Rules![0].Lifecycle);
    }

    [Fact]
    public void Reading_does_not_validate_rules()
    {
        Assert.True(BackupPlanJson.TryParse("""{"Rules":[{"StartWindowMinutes":1}]}""", out BackupPlanInput? plan, out _));
        Assert.NotNull(BackupPlanValidator.Validate(plan));
    }

    [Theory]
    [InlineData("""{"BackupPlanName":7,"Rules":[]}""", "BackupPlan.BackupPlanName: expected a string but found a number")]
    [InlineData("""{"Rules":{}}""", "BackupPlan.Rules: expected an array but found an object")]
    [InlineData("""{"Rules":[null]}""", "BackupPlan.Rules[0]: expected an object but found null")]
    [InlineData("""{"Rules":["daily"]}""", "BackupPlan.Rules[0]: expected an object but found a string")]
    [InlineData("""{"Rules":[{"StartWindowMinutes":"480"}]}""", "BackupPlan.Rules[0].StartWindowMinutes: expected a number but found a string")]
    [InlineData("""{"Rules":[{"StartWindowMinutes":480.5}]}""", "BackupPlan.Rules[0].StartWindowMinutes: expected a whole number but found '480.5'")]
    [InlineData("""{"Rules":[{"StartWindowMinutes":1e40}]}""", "BackupPlan.Rules[0].StartWindowMinutes: expected a whole number but found '1e40'")]
    [InlineData("""{"Rules":[{"EnableContinuousBackup":"true"}]}""", "BackupPlan.Rules[0].EnableContinuousBackup: expected true or false but found a string")]
    [InlineData("""{"Rules":[{"Lifecycle":[]}]}""", "BackupPlan.Rules[0].Lifecycle: expected an object but found an array")]
    [InlineData("""{"Rules":[{"Lifecycle":{"DeleteAfterDays":true}}]}""", "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays: expected a number but found a boolean")]
    [InlineData("""{"Rules":[{"RecoveryPointTags":{"a":1}}]}""", "BackupPlan.Rules[0].RecoveryPointTags.a: expected a string but found a number")]
    [InlineData("""{"Rules":[{"CopyActions":[{"DestinationBackupVaultArn":{}}]}]}""", "BackupPlan.Rules[0].CopyActions[0].DestinationBackupVaultArn: expected a string but found an object")]
    [InlineData("""{"AdvancedBackupSettings":[{"BackupOptions":"x"}]}""", "BackupPlan.AdvancedBackupSettings[0].BackupOptions: expected an object but found a string")]
    [InlineData("""{"Rules":[{"RuleName":"a","RuleName":"b"}]}""", "BackupPlan.Rules[0]: has member 'RuleName' more than once")]
    [InlineData("[]", "BackupPlan: expected an object but found an array")]
    [InlineData("\"plan\"", "BackupPlan: expected an object but found a string")]
    public void Wrong_types_name_the_member_path(string json, string message)
    {
        Assert.Equal(message, ParseError(json).Message);
    }

    [Theory]
    [InlineData("{\"BackupPlanName\":")]
    [InlineData("{\"BackupPlanName\":\"p\",}")]
    [InlineData("{'BackupPlanName':'p'}")]
    [InlineData("{} {}")]
    public void Malformed_JSON_is_an_invalid_parameter_with_its_position(string json)
    {
        Assert.StartsWith("BackupPlan: is not valid JSON (line 1, byte ", ParseError(json).Message);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        string json = "{\"Rules\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.StartsWith("BackupPlan: is not valid JSON", ParseError(json).Message);
    }

    [Fact]
    public void Oversized_documents_are_refused_before_parsing()
    {
        string json = "{\"BackupPlanName\":\"" + new string('a', BackupPlanJson.MaxLength) + "\"}";
        Assert.Equal($"BackupPlan: is longer than {BackupPlanJson.MaxLength} characters", ParseError(json).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_document_is_a_missing_parameter(string? json)
    {
        Assert.False(BackupPlanJson.TryParse(json, out _, out BackupPlanError? error));
        Assert.Equal(new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan", "is required"), error);
    }

    [Fact]
    public void A_parsed_element_can_be_read_directly()
    {
        using JsonDocument body = JsonDocument.Parse("""{"BackupPlan":{"BackupPlanName":"p"}}""");
        Assert.True(BackupPlanJson.TryRead(body.RootElement.GetProperty("BackupPlan"), out BackupPlanInput? plan, out _));
        Assert.Equal("p", plan.BackupPlanName);
    }
}
