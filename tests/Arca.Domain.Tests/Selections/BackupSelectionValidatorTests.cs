using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Domain.Tests.Selections;

public sealed class BackupSelectionValidatorTests
{
    private static readonly BackupSelection Valid = new()
    {
        SelectionName = "cabresources",
        IamRoleArn = "arn:aws:iam::111111111111:role/service/cabrole",
        Resources = ["arn:aws:arca:us-east-1:111111111111:directory/web", "arn:aws:arca:*:*:sqlite/*", "*"],
        NotResources = ["arn:aws:arca:us-east-1:111111111111:directory/tmp-*"],
        ListOfTags = [new TagCondition("STRINGEQUALS", "backup", "cab")],
        Conditions = new SelectionConditions { StringLike = [new ConditionParameter("aws:ResourceTag/team", "data-*")] },
    };

    public static TheoryData<BackupSelection, string, string> Invalid() => new()
    {
        { Valid with { SelectionName = "has space" }, "BackupSelection.SelectionName", "'has space' must contain 1 to 50 alphanumeric or '-_.' characters" },
        { Valid with { SelectionName = new string('a', 51) }, "BackupSelection.SelectionName", $"'{new string('a', 51)}' must contain 1 to 50 alphanumeric or '-_.' characters" },
        { Valid with { IamRoleArn = "arn:aws:iam::111111111111:user/bob" }, "BackupSelection.IamRoleArn", "'arn:aws:iam::111111111111:user/bob' must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME" },
        { Valid with { IamRoleArn = "cabrole" }, "BackupSelection.IamRoleArn", "'cabrole' must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME" },
        { Valid with { Resources = ["arn:aws:arca:us-east-1:111111111111:dir*/web"] }, "BackupSelection.Resources[0]", "'arn:aws:arca:us-east-1:111111111111:dir*/web' may use '*' in the resource only once, at its end (a prefix wildcard)" },
        { Valid with { Resources = ["web"] }, "BackupSelection.Resources[0]", "'web' must be a resource ARN (arn:partition:service:region:account:resource) or '*'" },
        { Valid with { Resources = [""] }, "BackupSelection.Resources[0]", "'' must be a resource ARN or '*', not empty" },
        { Valid with { Resources = ["arn:aws:arca:us-*:111111111111:directory/web"] }, "BackupSelection.Resources[0]", "'arn:aws:arca:us-*:111111111111:directory/web' may use '*' in the region only as the whole region" },
        { Valid with { Resources = ["arn:aws:arca:us-east-1:1234:directory/web"] }, "BackupSelection.Resources[0]", "'arn:aws:arca:us-east-1:1234:directory/web' must have a 12-digit account id, or '*' for any account" },
        { Valid with { Resources = ["arn:a*:arca:us-east-1:111111111111:directory/web"] }, "BackupSelection.Resources[0]", "'arn:a*:arca:us-east-1:111111111111:directory/web' may use '*' only as the whole region, the whole account, or at the end of the resource" },
        { Valid with { NotResources = ["arn:aws:arca:us-east-1:111111111111:"] }, "BackupSelection.NotResources[0]", "'arn:aws:arca:us-east-1:111111111111:' must name a resource after the account" },
        { Valid with { ListOfTags = [new TagCondition("STRINGLIKE", "backup", "cab")] }, "BackupSelection.ListOfTags[0].ConditionType", "'STRINGLIKE' must be STRINGEQUALS" },
        { Valid with { ListOfTags = [new TagCondition("STRINGEQUALS", "", "cab")] }, "BackupSelection.ListOfTags[0].ConditionKey", "the tag key must have 1 to 128 characters" },
        { Valid with { ListOfTags = [new TagCondition("STRINGEQUALS", "k", new string('v', 257))] }, "BackupSelection.ListOfTags[0].ConditionValue", "must have at most 256 characters" },
        { Valid with { Conditions = new() { StringEquals = [new ConditionParameter("env", "prod")] } }, "BackupSelection.Conditions.StringEquals[0].ConditionKey", "'env' must be aws:ResourceTag/ followed by a tag key" },
        { Valid with { Conditions = new() { StringNotLike = [new ConditionParameter("aws:ResourceTag/", "x")] } }, "BackupSelection.Conditions.StringNotLike[0].ConditionKey", "the tag key must have 1 to 128 characters" },
    };

    [Fact]
    public void A_full_selection_is_valid()
    {
        Assert.Empty(BackupSelectionValidator.ValidateAll(Valid));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_values_are_named_by_their_field(BackupSelection selection, string path, string problem)
    {
        BackupPlanError error = Assert.Single(BackupSelectionValidator.ValidateAll(selection));
        Assert.Equal((BackupPlanErrorType.InvalidParameterValue, path, problem), (error.Type, error.Path, error.Problem));
        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
    }

    [Fact]
    public void Missing_members_are_missing_parameter_errors_in_document_order()
    {
        var selection = new BackupSelection
        {
            ListOfTags = [new TagCondition(null, null, null)],
            Conditions = new SelectionConditions { StringEquals = [new ConditionParameter(null, null)] },
        };
        Assert.Equal(
            [
                "BackupSelection.SelectionName", "BackupSelection.IamRoleArn", "BackupSelection.ListOfTags[0].ConditionType",
                "BackupSelection.ListOfTags[0].ConditionKey", "BackupSelection.ListOfTags[0].ConditionValue",
                "BackupSelection.Conditions.StringEquals[0].ConditionKey", "BackupSelection.Conditions.StringEquals[0].ConditionValue",
            ],
            BackupSelectionValidator.ValidateAll(selection).Select(e => e.Path));
        Assert.All(BackupSelectionValidator.ValidateAll(selection), e => Assert.Equal("MissingParameterValueException", e.ErrorCode));
    }

    [Fact]
    public void Resources_are_limited_to_500_or_30_with_wildcards()
    {
        string[] exact = [.. Enumerable.Range(0, 500).Select(i => $"arn:aws:arca:us-east-1:111111111111:directory/d{i}")];
        Assert.Empty(BackupSelectionValidator.ValidateAll(Valid with { Resources = exact }));
        Assert.Equal(
            "has 501 entries; at most 500 are allowed",
            Assert.Single(BackupSelectionValidator.ValidateAll(Valid with { Resources = [.. exact, "arn:aws:arca:us-east-1:111111111111:directory/x"] })).Problem);
        string[] withWildcard = [.. exact.Take(30), "*"];
        BackupPlanError error = Assert.Single(BackupSelectionValidator.ValidateAll(Valid with { NotResources = withWildcard }));
        Assert.Equal(("BackupSelection.NotResources", "has 31 entries; at most 30 are allowed when any has a wildcard"), (error.Path, error.Problem));
    }

    [Fact]
    public void Conditions_are_limited_to_30_in_all()
    {
        ConditionParameter[] many = [.. Enumerable.Range(0, 16).Select(i => new ConditionParameter($"aws:ResourceTag/k{i}", "v"))];
        BackupPlanError error = Assert.Single(BackupSelectionValidator.ValidateAll(Valid with { Conditions = new() { StringEquals = many, StringLike = many } }));
        Assert.Equal(("BackupSelection.Conditions", "has 32 conditions; at most 30 are allowed"), (error.Path, error.Problem));
    }
}
