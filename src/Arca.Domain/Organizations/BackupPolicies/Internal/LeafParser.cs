using System.Text.Json;

namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// Parses operator objects: <c>{"@@assign": …}</c>, <c>{"@@append": […]}</c>,
/// <c>{"@@remove": […]}</c> and <c>@@operators_allowed_for_child_policies</c>.
/// </summary>
internal sealed class LeafParser(List<BackupPolicyError> errors)
{
    private const string ChildControlMessage =
        "@@operators_allowed_for_child_policies must be [\"@@all\"], [\"@@none\"] or a non-empty list of \"@@assign\", \"@@append\" and \"@@remove\"";

    /// <summary>The value-setting operator named <paramref name="name"/> (lower case), or None.</summary>
    public static InheritanceOperators ValueOperator(string name) => name switch
    {
        "@@assign" => InheritanceOperators.Assign,
        "@@append" => InheritanceOperators.Append,
        "@@remove" => InheritanceOperators.Remove,
        _ => InheritanceOperators.None,
    };

    /// <summary>The name of a single value-setting operator.</summary>
    public static string OperatorName(InheritanceOperators op) => op switch
    {
        InheritanceOperators.Assign => "@@assign",
        InheritanceOperators.Append => "@@append",
        InheritanceOperators.Remove => "@@remove",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a single value-setting operator."),
    };

    /// <summary>Parses a child-control list; adds an error and returns null when it is not valid.</summary>
    public static InheritanceOperators? ParseChildControl(JsonElement value, string path, List<BackupPolicyError> errors)
    {
        var result = ReadChildControl(value);
        if (result is null)
        {
            errors.Add(new BackupPolicyError(
                PolicyPath.Append(path, BackupPolicySchema.ChildControlKey),
                $"{PolicyPath.Describe(path)}: {ChildControlMessage}"));
        }

        return result;
    }

    /// <summary>Parses the operator object of a scalar or list; null after adding errors.</summary>
    public PolicyNode? Parse(JsonElement element, SchemaNode schema, string key, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Error(path, $"{path}: expected an operator object such as {Example(schema, element)}");
        }

        var (control, op, value, valid) = ReadOperators(element, path);
        if (!valid)
        {
            return null;
        }

        if (op == InheritanceOperators.None)
        {
            return control is null
                ? Error(path, $"{path}: expected an operator object such as {Example(schema)}")
                : new PolicyNode { Key = key, Path = path, Schema = schema, ChildControl = control };
        }

        var node = schema.Kind == SchemaNodeKind.Scalar ? ParseScalar(value, op, schema, path) : ParseList(value, op, schema, path);
        return node is null ? null : new PolicyNode
        {
            Key = key,
            Path = path,
            Schema = schema,
            ChildControl = control,
            Operator = op,
            Scalar = node.Value.Scalar,
            Items = node.Value.Items,
        };
    }

    private (InheritanceOperators? Control, InheritanceOperators Op, JsonElement Value, bool Valid) ReadOperators(JsonElement element, string path)
    {
        InheritanceOperators? control = null;
        var op = InheritanceOperators.None;
        var value = default(JsonElement);
        var valid = true;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name.ToLowerInvariant();
            var found = ValueOperator(name);
            if (!seen.Add(name))
            {
                valid = false;
                Error(path, $"duplicate key \"{property.Name}\" at {path}");
            }
            else if (name == BackupPolicySchema.ChildControlKey)
            {
                control = ParseChildControl(property.Value, path, errors);
                valid &= control is not null;
            }
            else if (found != InheritanceOperators.None && op == InheritanceOperators.None)
            {
                (op, value) = (found, property.Value);
            }
            else
            {
                valid = false;
                Error(path, UnexpectedKey(property.Name, found, path));
            }
        }

        return (control, op, value, valid);
    }

    private static string UnexpectedKey(string written, InheritanceOperators found, string path) =>
        found != InheritanceOperators.None
            ? $"{path}: use only one of @@assign, @@append and @@remove"
            : written.StartsWith("@@", StringComparison.Ordinal)
                ? $"unknown operator \"{written}\" at {path}"
                : $"unknown key \"{written}\" at {path}";

    private (string? Scalar, IReadOnlyList<string> Items)? ParseScalar(JsonElement value, InheritanceOperators op, SchemaNode schema, string path)
    {
        if (op != InheritanceOperators.Assign)
        {
            return Failed(path, $"{path}: {OperatorName(op)} can only be used on lists; use @@assign");
        }

        var raw = ReadScalar(value);
        var normalized = raw is null ? null : schema.Rule!.Normalize(raw);
        return normalized is null
            ? Failed(path, $"{path}: expected @@assign with {schema.Rule!.Expectation}")
            : (normalized, []);
    }

    private (string? Scalar, IReadOnlyList<string> Items)? ParseList(JsonElement value, InheritanceOperators op, SchemaNode schema, string path)
    {
        var expected = $"{path}: expected {OperatorName(op)} with {schema.ListExpectation}";
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Failed(path, expected);
        }

        var items = new List<string>();
        foreach (var element in value.EnumerateArray())
        {
            var raw = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
            var normalized = raw is null ? null : schema.Rule!.Normalize(raw);
            if (normalized is null)
            {
                var shown = raw is null ? element.GetRawText() : "\"" + raw + "\"";
                return Failed(path, $"{expected}; {shown} is not {schema.Rule!.Expectation}");
            }

            items.Add(normalized);
        }

        return (null, items);
    }

    private static string? ReadScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static InheritanceOperators? ReadChildControl(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var words = value.EnumerateArray().Select(static e => e.ValueKind == JsonValueKind.String ? e.GetString()!.ToLowerInvariant() : "").ToArray();
        if (words.Length == 1 && words[0] is "@@all" or "@@none")
        {
            return words[0] == "@@all" ? InheritanceOperators.All : InheritanceOperators.None;
        }

        var result = InheritanceOperators.None;
        foreach (var word in words)
        {
            var op = ValueOperator(word);
            if (op == InheritanceOperators.None)
            {
                return null;
            }

            result |= op;
        }

        return result;
    }

    private static string Example(SchemaNode schema, JsonElement? written = null)
    {
        var isScalarValue = written is { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False };
        var value = (schema.Kind, isScalarValue, written?.ValueKind) switch
        {
            (SchemaNodeKind.Scalar, true, _) => written!.Value.GetRawText(),
            (SchemaNodeKind.Scalar, false, _) => $"\"{schema.Rule!.Sample}\"",
            (_, true, _) => $"[{written!.Value.GetRawText()}]",
            (_, _, JsonValueKind.Array) => written!.Value.GetRawText(),
            _ => $"[\"{schema.Rule!.Sample}\"]",
        };
        return $"{{\"@@assign\": {value}}}";
    }

    private PolicyNode? Error(string path, string message)
    {
        errors.Add(new BackupPolicyError(path, message));
        return null;
    }

    private (string? Scalar, IReadOnlyList<string> Items)? Failed(string path, string message)
    {
        errors.Add(new BackupPolicyError(path, message));
        return null;
    }
}
