using Arca.Domain.Selections;

namespace Arca.Domain.Tests.Selections;

public sealed class SelectionMatcherTests
{
    private const string Web = "arn:aws:arca:us-east-1:111111111111:directory/web";
    private const string WebLogs = "arn:aws:arca:us-east-1:111111111111:directory/web-logs";
    private const string Db = "arn:aws:arca:us-east-1:111111111111:sqlite/db";
    private const string Role = "arn:aws:iam::111111111111:role/cabrole";

    /// <summary>Resources, ListOfTags, NotResources and Conditions in a compact form: one selection and one resource per row.</summary>
    public static TheoryData<string, BackupSelection, SelectionCandidate, bool> Cases() => new()
    {
        { "an empty selection selects every opted-in resource", Select(), Resource(Web), true },
        { "an empty selection skips a type that is not opted in", Select(), Resource(Web, optedIn: false), false },
        { "an exact ARN selects its resource", Select(resources: [Web]), Resource(Web), true },
        { "an exact ARN selects its resource even when its type is not opted in", Select(resources: [Web]), Resource(Web, optedIn: false), true },
        { "an exact ARN selects no other resource", Select(resources: [Web]), Resource(WebLogs), false },
        { "'*' selects every opted-in resource", Select(resources: ["*"]), Resource(Db), true },
        { "'*' skips a type that is not opted in", Select(resources: ["*"]), Resource(Db, optedIn: false), false },
        { "a prefix wildcard selects by name prefix", Select(resources: ["arn:aws:arca:us-east-1:111111111111:directory/web-*"]), Resource(WebLogs), true },
        { "a prefix wildcard needs the whole prefix", Select(resources: ["arn:aws:arca:us-east-1:111111111111:directory/web-*"]), Resource(Web), false },
        { "a prefix wildcard needs the type to be opted in", Select(resources: ["arn:aws:arca:us-east-1:111111111111:directory/web-*"]), Resource(WebLogs, optedIn: false), false },
        { "a type-wide pattern selects every resource of the type", Select(resources: ["arn:aws:arca:*:*:directory/*"]), Resource(Web), true },
        { "a type-wide pattern selects no other type", Select(resources: ["arn:aws:arca:*:*:directory/*"]), Resource(Db), false },
        { "Resources entries are ORed", Select(resources: [Db, Web]), Resource(Web), true },
        { "a tag condition selects a tagged resource", Select(tags: [Tag("backup", "cab")]), Resource(Web, ("backup", "cab")), true },
        { "a tag condition compares values case-sensitively", Select(tags: [Tag("backup", "cab")]), Resource(Web, ("backup", "CAB")), false },
        { "a tag condition compares keys case-sensitively", Select(tags: [Tag("backup", "cab")]), Resource(Web, ("Backup", "cab")), false },
        { "a tag condition needs the type to be opted in", Select(tags: [Tag("backup", "cab")]), Resource(Web, optedIn: false, ("backup", "cab")), false },
        { "ListOfTags entries are ORed", Select(tags: [Tag("backup", "daily"), Tag("backup", "cab")]), Resource(Web, ("backup", "cab")), true },
        { "Resources and ListOfTags are ORed (by ARN)", Select(resources: [Db], tags: [Tag("backup", "cab")]), Resource(Db), true },
        { "Resources and ListOfTags are ORed (by tag)", Select(resources: [Db], tags: [Tag("backup", "cab")]), Resource(Web, ("backup", "cab")), true },
        { "with Resources given, an unlisted untagged resource is not selected", Select(resources: [Db], tags: [Tag("backup", "cab")]), Resource(Web), false },
        { "NotResources excludes a listed resource", Select(resources: [Web], notResources: [Web]), Resource(Web), false },
        { "NotResources excludes from everything", Select(notResources: ["arn:aws:arca:us-east-1:111111111111:directory/web-*"]), Resource(WebLogs), false },
        { "NotResources leaves the rest", Select(notResources: ["arn:aws:arca:us-east-1:111111111111:directory/web-*"]), Resource(Web), true },
        { "NotResources excludes a tagged resource", Select(tags: [Tag("backup", "cab")], notResources: [Web]), Resource(Web, ("backup", "cab")), false },
        { "StringEquals holds", Select(conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("env", "prod")), true },
        { "StringEquals fails for another value", Select(conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("env", "dev")), false },
        { "StringEquals fails when the tag is absent", Select(conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web), false },
        { "StringNotEquals holds for another value", Select(conditions: new() { StringNotEquals = [Cond("env", "dev")] }), Resource(Web, ("env", "prod")), true },
        { "StringNotEquals holds when the tag is absent", Select(conditions: new() { StringNotEquals = [Cond("env", "dev")] }), Resource(Web), true },
        { "StringNotEquals fails for the value", Select(conditions: new() { StringNotEquals = [Cond("env", "dev")] }), Resource(Web, ("env", "dev")), false },
        { "StringLike matches a pattern", Select(conditions: new() { StringLike = [Cond("team", "data-*")] }), Resource(Web, ("team", "data-eng")), true },
        { "StringLike's ? matches one character", Select(conditions: new() { StringLike = [Cond("tier", "t?")] }), Resource(Web, ("tier", "t1")), true },
        { "StringLike fails when the tag is absent", Select(conditions: new() { StringLike = [Cond("team", "*")] }), Resource(Web), false },
        { "StringNotLike holds when the tag is absent", Select(conditions: new() { StringNotLike = [Cond("team", "data-*")] }), Resource(Web), true },
        { "StringNotLike fails on a match", Select(conditions: new() { StringNotLike = [Cond("team", "data-*")] }), Resource(Web, ("team", "data-eng")), false },
        { "Conditions are ANDed across operators", Select(conditions: new() { StringEquals = [Cond("env", "prod")], StringNotLike = [Cond("team", "data-*")] }), Resource(Web, ("env", "prod"), ("team", "data-eng")), false },
        { "Conditions are ANDed within an operator", Select(conditions: new() { StringEquals = [Cond("env", "prod"), Cond("tier", "1")] }), Resource(Web, ("env", "prod")), false },
        { "Conditions narrow a Resources match", Select(resources: [Web], conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("env", "dev")), false },
        { "Conditions narrow a tag match", Select(tags: [Tag("backup", "cab")], conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("backup", "cab"), ("env", "prod")), true },
        { "Conditions never widen: an unmatched resource stays unselected", Select(tags: [Tag("backup", "cab")], conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("env", "prod")), false },
        { "Conditions do not override opt-in", Select(conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, optedIn: false, ("env", "prod")), false },
        { "an invalid stored pattern matches nothing", Select(resources: ["arn:aws:arca:us-east-1:111111111111:dir*ectory/web"]), Resource(Web), false },
        { "'?' in an ARN pattern is literal", Select(resources: ["arn:aws:arca:us-east-1:111111111111:directory/we?"]), Resource(Web), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selections_combine_resources_tags_conditions_and_exclusions(string rule, BackupSelection selection, SelectionCandidate resource, bool selected)
    {
        SelectionDecision decision = SelectionMatcher.Decide(selection, resource);
        Assert.True(decision.IsSelected == selected, $"{rule}: {decision.Reason}");
        Assert.Equal(selected, SelectionMatcher.Matches(selection, resource));
    }

    [Fact]
    public void Decisions_say_which_rule_decided()
    {
        Assert.Equal("listed in Resources[1]", SelectionMatcher.Decide(Select(resources: [Db, Web]), Resource(Web)).Reason);
        Assert.Equal(
            $"excluded by NotResources[0] '{Web}'",
            SelectionMatcher.Decide(Select(resources: [Web], notResources: [Web]), Resource(Web)).Reason);
        Assert.Equal(
            "tagged as ListOfTags[0] asks, but condition StringEquals[0] aws:ResourceTag/env = 'prod' does not hold",
            SelectionMatcher.Decide(Select(tags: [Tag("backup", "cab")], conditions: new() { StringEquals = [Cond("env", "prod")] }), Resource(Web, ("backup", "cab"))).Reason);
        Assert.Contains(
            "resource type Directory is not opted in",
            SelectionMatcher.Decide(Select(resources: ["*"]), Resource(Web, optedIn: false)).Reason);
    }

    private static BackupSelection Select(
        string[]? resources = null, TagCondition[]? tags = null, string[]? notResources = null, SelectionConditions? conditions = null) =>
        new() { SelectionName = "s", IamRoleArn = Role, Resources = resources, ListOfTags = tags, NotResources = notResources, Conditions = conditions };

    private static TagCondition Tag(string key, string value) => new(TagCondition.StringEquals, key, value);

    private static ConditionParameter Cond(string key, string value) => new(ConditionParameter.ResourceTagPrefix + key, value);

    private static SelectionCandidate Resource(string arn, params (string Key, string Value)[] tags) => Resource(arn, optedIn: true, tags);

    private static SelectionCandidate Resource(string arn, bool optedIn, params (string Key, string Value)[] tags) =>
        new(arn, arn.Contains(":sqlite/", StringComparison.Ordinal) ? "SQLite" : "Directory", tags.ToDictionary(t => t.Key, t => t.Value), optedIn);
}
