using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

public sealed class BackupPolicyDocumentTests
{
    [Fact]
    public void A_document_of_exactly_the_size_limit_is_accepted()
    {
        var content = Padded("""{"plans": {}}""", BackupPolicyDocument.MaxCharacters);

        Assert.True(BackupPolicyDocument.Parse(content).IsValid);
    }

    [Fact]
    public void A_document_one_character_over_the_limit_is_rejected_with_its_size()
    {
        var content = Padded("""{"plans": {}}""", BackupPolicyDocument.MaxCharacters + 1);

        var error = Assert.Single(BackupPolicyDocument.Parse(content).Errors);

        Assert.Equal("the policy document has 10001 characters; a backup policy may have at most 10000", error.Message);
    }

    [Fact]
    public void The_size_limit_counts_characters_not_bytes()
    {
        var content = Padded("""{"plans": {"p": {"backup_plan_tags": {"t": {"tag_key": {"@@assign": "k"}, "tag_value": {"@@assign": "ééééé"}}}}}}""", BackupPolicyDocument.MaxCharacters);

        Assert.True(BackupPolicyDocument.Parse(content).IsValid);
    }

    [Fact]
    public void Invalid_json_is_rejected_with_the_parser_position()
    {
        var error = Assert.Single(BackupPolicyDocument.Parse("""{"plans": {""").Errors);

        Assert.StartsWith("the policy document is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_not_json()
    {
        Assert.False(BackupPolicyDocument.Parse("""{"plans": {},}""").IsValid);
        Assert.False(BackupPolicyDocument.Parse("""{"plans": {} /* c */}""").IsValid);
    }

    [Fact]
    public void Plan_names_are_listed_in_document_order()
    {
        var document = BackupPolicyDocument.ParseOrThrow("""{"plans": {"b": {}, "a": {}}}""");

        Assert.Equal(["b", "a"], document.PlanNames);
    }

    [Fact]
    public void A_leaf_may_carry_only_a_child_control()
    {
        var result = BackupPolicyDocument.Parse("""{"plans": {"p": {"regions": {"@@operators_allowed_for_child_policies": ["@@append"]}}}}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void An_empty_operator_object_is_rejected()
    {
        var error = Assert.Single(BackupPolicyDocument.Parse("""{"plans": {"p": {"regions": {}}}}""").Errors);

        Assert.Equal("""plans.p.regions: expected an operator object such as {"@@assign": ["us-east-1"]}""", error.Message);
    }

    [Fact]
    public void Keys_with_dots_are_quoted_in_paths()
    {
        var error = Assert.Single(BackupPolicyDocument.Parse("""{"plans": {"v1.2": {"rules": {"r": {"start_backup_window_minutes": {"@@assign": "5"}}}}}}""").Errors);

        Assert.Equal("""plans["v1.2"].rules.r.start_backup_window_minutes""", error.Path);
    }

    [Fact]
    public void Errors_carry_the_path_of_the_offending_element()
    {
        var error = Assert.Single(BackupPolicyDocument.Parse("""{"plans": {"p": {"rules": {"r": {"shedule_expression": {"@@assign": "x"}}}}}}""").Errors);

        Assert.Equal("plans.p.rules.r.shedule_expression", error.Path);
        Assert.Equal(error.Message, error.ToString());
    }

    [Fact]
    public void ParseOrThrow_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => BackupPolicyDocument.ParseOrThrow(null!));
    }

    [Fact]
    public void The_malformed_exception_keeps_every_error()
    {
        var ex = Assert.Throws<MalformedBackupPolicyException>(() => BackupPolicyDocument.ParseOrThrow("""{"plan": {}, "x": 1}"""));

        Assert.Equal(["unknown key \"plan\" at the top level", "unknown key \"x\" at the top level"], ex.Errors.Select(static e => e.Message));
        Assert.Equal("unknown key \"plan\" at the top level", ex.Message);
    }

    private static string Padded(string json, int length) => json[..^1] + new string(' ', length - json.Length) + "}";
}
