using System.Text;
using System.Text.Json;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Domain.Tests.Selections;

public sealed class BackupSelectionJsonTests
{
    private const string Full = """
        {"SelectionName":"cab","IamRoleArn":"arn:aws:iam::111111111111:role/cabrole","Resources":["*"],"ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}],"NotResources":["arn:aws:arca:us-east-1:111111111111:directory/tmp"],"Conditions":{"StringEquals":[{"ConditionKey":"aws:ResourceTag/env","ConditionValue":"prod"}],"StringNotEquals":[],"StringLike":[],"StringNotLike":[{"ConditionKey":"aws:ResourceTag/team","ConditionValue":"x*"}]}}
        """;

    [Fact]
    public void A_selection_round_trips_through_wire_json()
    {
        Assert.True(BackupSelectionJson.TryRead(JsonDocument.Parse(Full).RootElement, out BackupSelection? selection, out _));
        Assert.Equal("cab", selection.SelectionName);
        Assert.Equal("backup", selection.ListOfTags![0].ConditionKey);
        Assert.Equal("x*", selection.Conditions!.StringNotLike![0].ConditionValue);
        Assert.Equal(Full, Write(selection));
    }

    [Theory]
    [InlineData("""{"SelectionName":5}""", "BackupSelection.SelectionName", "expected a string but found a number")]
    [InlineData("""{"Resources":"*"}""", "BackupSelection.Resources", "expected an array but found a string")]
    [InlineData("""{"Resources":[null]}""", "BackupSelection.Resources[0]", "expected a string but found null")]
    [InlineData("""{"ListOfTags":[{"ConditionKey":["k"]}]}""", "BackupSelection.ListOfTags[0].ConditionKey", "expected a string but found an array")]
    [InlineData("""{"Conditions":{"StringLike":{}}}""", "BackupSelection.Conditions.StringLike", "expected an array but found an object")]
    [InlineData("""{"SelectionName":"a","SelectionName":"b"}""", "BackupSelection", "has member 'SelectionName' more than once")]
    [InlineData("""[]""", "BackupSelection", "expected an object but found an array")]
    public void Wrong_member_types_are_named_by_path(string json, string path, string problem)
    {
        Assert.False(BackupSelectionJson.TryRead(JsonDocument.Parse(json).RootElement, out _, out BackupPlanError? error));
        Assert.Equal((BackupPlanErrorType.InvalidParameterValue, path, problem), (error.Type, error.Path, error.Problem));
    }

    [Fact]
    public void Unknown_members_and_nulls_are_ignored()
    {
        Assert.True(BackupSelectionJson.TryRead(JsonDocument.Parse("""{"SelectionName":"s","Future":1,"Resources":null}""").RootElement, out BackupSelection? selection, out _));
        Assert.Equal(new BackupSelection { SelectionName = "s" }, selection);
    }

    private static string Write(BackupSelection selection)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            BackupSelectionJson.Write(writer, selection);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
