using System.Text.Json.Nodes;

using Arca.Domain.Organizations.BackupPolicies.Internal;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// Generates, from the schema itself, a policy that sets every documented element (one entry
/// per map, each value its rule's sample), and lists the path of every value it sets.
/// </summary>
internal static class MaximalPolicy
{
    public static (string Json, IReadOnlyList<string> LeafPaths, IReadOnlyList<string> KeyPaths) Generate()
    {
        var leaves = new List<string>();
        var keys = new List<string>();
        var counter = 0;
        var root = Build(BackupPolicySchema.Root, "", leaves, keys, ref counter);
        return (root.ToJsonString(), leaves, keys);
    }

    private static JsonNode Build(SchemaNode schema, string path, List<string> leaves, List<string> keys, ref int counter)
    {
        switch (schema.Kind)
        {
            case SchemaNodeKind.Scalar:
                leaves.Add(path);
                return new JsonObject { ["@@assign"] = schema.Rule!.Sample };
            case SchemaNodeKind.List:
                leaves.Add(path);
                return new JsonObject { ["@@assign"] = new JsonArray(schema.Rule!.Sample) };
            case SchemaNodeKind.Object:
                var obj = new JsonObject();
                foreach (var field in schema.Fields)
                {
                    obj[field.Name] = Build(field, PolicyPath.Append(path, field.Name), leaves, keys, ref counter);
                }

                return obj;
            default:
                var key = UniqueKey(schema.KeyRule, ++counter);
                var entryPath = PolicyPath.Append(path, key);
                keys.Add(entryPath);
                return new JsonObject { [key] = Build(schema.Entry!, entryPath, leaves, keys, ref counter) };
        }
    }

    private static string UniqueKey(ValueRule? rule, int counter)
    {
        if (rule is null)
        {
            return "entry" + counter;
        }

        var candidate = rule.Sample + counter;
        return rule.Normalize(candidate) is not null ? candidate : rule.Sample;
    }
}
