using System.Collections;
using System.Reflection;

using Arca.Domain.Organizations.BackupPolicies;
using Arca.Domain.Organizations.BackupPolicies.Materialization;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// kopia's habit: a policy that sets every element of the schema must come out with every
/// element merged, given provenance, bound into the typed model and materialized. Adding a key
/// to the schema, a property to a model record, or a field to a materialized record without
/// wiring it through fails here.
/// </summary>
public sealed class SchemaCoverageTests
{
    private static readonly PolicySource Source = new("p-maximal01", "maximal", "r-ab12");

    [Fact]
    public void A_policy_setting_every_schema_element_is_valid()
    {
        var result = BackupPolicyDocument.Parse(MaximalPolicy.Generate().Json);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_schema_element_is_merged_and_given_provenance()
    {
        var (_, leafPaths, keyPaths) = MaximalPolicy.Generate();

        var effective = Compute();

        var valuePaths = effective.Provenance.Where(static e => e.Kind != ProvenanceKind.Key).Select(static e => e.Path);
        Assert.Equal(leafPaths.Order(StringComparer.Ordinal), valuePaths.Order(StringComparer.Ordinal));
        var entryPaths = effective.Provenance.Where(static e => e.Kind == ProvenanceKind.Key).Select(static e => e.Path);
        Assert.Equal(keyPaths.Order(StringComparer.Ordinal), entryPaths.Order(StringComparer.Ordinal));
        Assert.All(effective.Provenance, static e => Assert.Equal(Source, e.Source));
    }

    [Fact]
    public void Every_effective_value_is_bound_into_the_typed_model_with_its_source()
    {
        var effective = Compute();

        var plan = Assert.Single(effective.Plans);
        var found = new ModelWalk();
        found.Visit(plan, nameof(EffectivePlan));

        Assert.Empty(found.Problems);
        var values = effective.Provenance.Count(static e => e.Kind != ProvenanceKind.Key);
        Assert.True(
            values == found.SourcedValues,
            $"the effective policy has {values} values but the typed model binds {found.SourcedValues}: a schema element is not read by EffectivePlanBinder");
        var keys = effective.Provenance.Count(static e => e.Kind == ProvenanceKind.Key);
        Assert.True(
            keys == found.KeyedEntries,
            $"the effective policy has {keys} map entries but the typed model binds {found.KeyedEntries}: a schema map is not read by EffectivePlanBinder");
    }

    [Fact]
    public void Every_typed_value_reaches_the_materialized_plan()
    {
        var plan = Assert.Single(Compute().Plans);
        Assert.Empty(EffectivePlanValidator.Validate(plan));

        var materialized = BackupPlanMaterializer.Materialize(plan, "121212121212", "us-east-1");

        var found = new ModelWalk(materialized: true);
        found.Visit(materialized, nameof(MaterializedBackupPlan));
        Assert.Empty(found.Problems);
    }

    private static EffectiveBackupPolicy Compute() => EffectiveBackupPolicyCalculator.Compute(
    [
        new PolicyTargetLevel(Source.TargetId, [new BackupPolicyAttachment(Source.PolicyId, Source.PolicyName, BackupPolicyDocument.ParseOrThrow(MaximalPolicy.Generate().Json))]),
    ]);

    /// <summary>
    /// Walks a record graph. A member is wired when at least one of its occurrences (across list
    /// elements: a tag selection has no Resources, a resource selection no ListOfTags) holds a value.
    /// </summary>
    private sealed class ModelWalk(bool materialized = false)
    {
        private readonly Dictionary<string, bool> _wired = new(StringComparer.Ordinal);
        private readonly List<string> _wrong = [];

        public IEnumerable<string> Problems =>
            _wrong.Concat(_wired.Where(static w => !w.Value).Select(static w => $"{w.Key} is never set: the member is not wired"));

        public int SourcedValues { get; private set; }

        public int KeyedEntries { get; private set; }

        public void Visit(object? value, string path)
        {
            switch (value)
            {
                case null:
                    Observe(path, false);
                    break;
                case string text:
                    Observe(path, text.Length > 0);
                    Check(!(materialized && text.Contains('$', StringComparison.Ordinal)), path, $"still holds a placeholder: {text}");
                    break;
                case long or bool:
                    Observe(path, true);
                    break;
                case SourcedValue sourced:
                    SourcedValues++;
                    Observe(path, sourced.Value.Length > 0);
                    Check(sourced.Source == Source, path, "has the wrong source");
                    break;
                case PolicySource source:
                    KeyedEntries++;
                    Observe(path, true);
                    Check(source == Source, path, "has the wrong source");
                    break;
                case IDictionary dictionary:
                    Observe(path, dictionary.Count > 0);
                    break;
                case IEnumerable list:
                    VisitList(list, path);
                    break;
                default:
                    Observe(path, true);
                    VisitRecord(value, path);
                    break;
            }
        }

        private void VisitList(IEnumerable list, string path)
        {
            var any = false;
            foreach (var item in list)
            {
                any = true;
                Visit(item, path + "[]");
            }

            Observe(path, any);
        }

        private void VisitRecord(object value, string path)
        {
            var type = value.GetType();
            if (type.Namespace is null || !type.Namespace.StartsWith("Arca.Domain.Organizations.BackupPolicies", StringComparison.Ordinal))
            {
                _wrong.Add($"{path} has unexpected type {type}");
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => p.Name != "EqualityContract"))
            {
                Visit(property.GetValue(value), $"{path}.{property.Name}");
            }
        }

        private void Observe(string path, bool hasValue) =>
            _wired[path] = hasValue || _wired.GetValueOrDefault(path);

        private void Check(bool ok, string path, string problem)
        {
            if (!ok)
            {
                _wrong.Add($"{path} {problem}");
            }
        }
    }
}
