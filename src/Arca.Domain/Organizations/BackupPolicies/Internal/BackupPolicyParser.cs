using System.Text.Json;

namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// Parses and validates a policy document against <see cref="BackupPolicySchema"/>: document
/// limits, containers and keys here, leaves in <see cref="LeafParser"/>. Collects every error
/// rather than stopping at the first.
/// </summary>
internal sealed class BackupPolicyParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    private readonly List<BackupPolicyError> _errors = [];
    private readonly LeafParser _leaves;

    private BackupPolicyParser()
    {
        _leaves = new LeafParser(_errors);
    }

    /// <summary>The parsed root, or null with every error found.</summary>
    public static (PolicyNode? Root, IReadOnlyList<BackupPolicyError> Errors) Parse(string content)
    {
        var parser = new BackupPolicyParser();
        var root = parser.ParseDocument(content);
        return parser._errors.Count == 0 ? (root, []) : (null, parser._errors.ToArray());
    }

    private PolicyNode? ParseDocument(string content)
    {
        var length = content.EnumerateRunes().Count();
        if (length > BackupPolicyDocument.MaxCharacters)
        {
            return Error("", $"the policy document has {length} characters; a backup policy may have at most {BackupPolicyDocument.MaxCharacters}");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            return Error("", "the policy document is not valid JSON: " + ex.Message);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error("", "the policy document must be a JSON object with the top-level key \"plans\"");
            }

            var root = ParseContainer(json.RootElement, BackupPolicySchema.Root, "", "");
            if (root is not null && root.Children.Count == 0 && _errors.Count == 0)
            {
                return Error("plans", "missing required top-level key \"plans\"");
            }

            return root;
        }
    }

    private PolicyNode? ParseContainer(JsonElement element, SchemaNode schema, string key, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Error(path, $"{path}: expected an object");
        }

        InheritanceOperators? control = null;
        var children = new List<PolicyNode>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith("@@", StringComparison.Ordinal))
            {
                if (Unique(seen, property.Name, property.Name, path))
                {
                    control = ParseContainerOperator(property, path) ?? control;
                }

                continue;
            }

            var child = ParseChild(property, schema, path, seen);
            if (child is not null)
            {
                children.Add(child);
            }
        }

        return new PolicyNode { Key = key, Path = path, Schema = schema, ChildControl = control, Children = children };
    }

    private InheritanceOperators? ParseContainerOperator(JsonProperty property, string path)
    {
        var name = property.Name.ToLowerInvariant();
        if (name == BackupPolicySchema.ChildControlKey)
        {
            return LeafParser.ParseChildControl(property.Value, path, _errors);
        }

        if (LeafParser.ValueOperator(name) != InheritanceOperators.None)
        {
            Error(path, $"{PolicyPath.Describe(path)}: {name} cannot be used here; set the keys inside it instead");
        }
        else
        {
            Error(path, $"unknown operator \"{property.Name}\" at {PolicyPath.Describe(path)}");
        }

        return null;
    }

    private PolicyNode? ParseChild(JsonProperty property, SchemaNode schema, string path, HashSet<string> seen)
    {
        SchemaNode field;
        string key;
        if (schema.Kind == SchemaNodeKind.Object)
        {
            var found = schema.FindField(property.Name);
            if (found is null)
            {
                return Error(PolicyPath.Append(path, property.Name), $"unknown key \"{property.Name}\" at {PolicyPath.Describe(path)}");
            }

            (field, key) = (found, found.Name);
        }
        else
        {
            if (schema.KeyRule is { } keyRule && keyRule.Normalize(property.Name) is null)
            {
                return Error(PolicyPath.Append(path, property.Name), $"invalid key \"{property.Name}\" at {path}: expected {keyRule.Expectation}");
            }

            (field, key) = (schema.Entry!, property.Name);
        }

        if (!Unique(seen, key, property.Name, path))
        {
            return null;
        }

        var childPath = PolicyPath.Append(path, key);
        return field.IsLeaf
            ? _leaves.Parse(property.Value, field, key, childPath)
            : ParseContainer(property.Value, field, key, childPath);
    }

    private bool Unique(HashSet<string> seen, string canonicalKey, string writtenKey, string path)
    {
        if (seen.Add(canonicalKey))
        {
            return true;
        }

        Error(PolicyPath.Append(path, writtenKey), $"duplicate key \"{writtenKey}\" at {PolicyPath.Describe(path)}");
        return false;
    }

    private PolicyNode? Error(string path, string message)
    {
        _errors.Add(new BackupPolicyError(path, message));
        return null;
    }
}
