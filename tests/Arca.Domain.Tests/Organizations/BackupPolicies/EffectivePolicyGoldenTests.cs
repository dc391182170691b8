using System.Text.Json;
using System.Text.Json.Nodes;

using Arca.Domain.Organizations.BackupPolicies;
using Arca.Domain.Organizations.BackupPolicies.Materialization;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// Each directory under Golden/ (except Malformed/) is one organization path: its policies
/// in, the effective policy, provenance, diagnostics, plan validation and materialized plans out.
/// </summary>
public sealed class EffectivePolicyGoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Effective_policy_matches_the_golden_file(string name)
    {
        var effective = Compute(name);

        GoldenFiles.AssertJson(effective.ToJson(), authored: true, name, "effective.json");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Provenance_matches_the_golden_file(string name)
    {
        var effective = Compute(name);

        var entries = new JsonArray([.. effective.Provenance.Select(static e => (JsonNode)new JsonObject
        {
            ["path"] = e.Path,
            ["kind"] = e.Kind.ToString(),
            ["value"] = e.Value,
            ["policyId"] = e.Source.PolicyId,
            ["policyName"] = e.Source.PolicyName,
            ["targetId"] = e.Source.TargetId,
        })]);
        GoldenFiles.AssertJson(entries.ToJsonString(), authored: false, name, "provenance.json");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_file(string name)
    {
        var effective = Compute(name);

        var diagnostics = new JsonArray([.. effective.Diagnostics.Select(static d => (JsonNode)new JsonObject
        {
            ["kind"] = d.Kind.ToString(),
            ["path"] = d.Path,
            ["policyId"] = d.Source.PolicyId,
            ["targetId"] = d.Source.TargetId,
            ["message"] = d.Message,
        })]);
        GoldenFiles.AssertJson(diagnostics.ToJsonString(), authored: false, name, "diagnostics.json");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_validation_matches_the_golden_file(string name)
    {
        var effective = Compute(name);

        var validation = new JsonObject();
        foreach (var plan in effective.Plans)
        {
            validation[plan.Name] = new JsonArray([.. EffectivePlanValidator.Validate(plan).Select(static e => (JsonNode)e.Message)]);
        }

        GoldenFiles.AssertJson(validation.ToJsonString(), authored: false, name, "validation.json");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Materialized_plans_match_the_golden_files(string name)
    {
        var golden = GoldenCase.Load(name);
        var effective = EffectiveBackupPolicyCalculator.Compute(golden.Levels);

        foreach (var m in golden.Materializations)
        {
            var plan = Assert.Single(effective.Plans, p => p.Name == m.Plan);
            var materialized = BackupPlanMaterializer.Materialize(plan, m.AccountId, m.Region);
            if (m.File is null)
            {
                Assert.Null(materialized);
                continue;
            }

            Assert.NotNull(materialized);
            GoldenFiles.AssertJson(JsonSerializer.Serialize(materialized, GoldenFiles.Json), authored: false, name, m.File);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Computation_is_deterministic(string name)
    {
        var first = Compute(name);
        var second = Compute(name);

        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(first.Provenance, second.Provenance);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    private static EffectiveBackupPolicy Compute(string name) =>
        EffectiveBackupPolicyCalculator.Compute(GoldenCase.Load(name).Levels);
}
