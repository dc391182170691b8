using System.Text.Json;
using System.Text.RegularExpressions;
using Arca.Domain.Iam;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Arca.Domain.Layouts.Internal;

/// <summary>Reads YAML nodes into layout values, collecting every error with its line, column and field.</summary>
internal sealed partial class LayoutReader(string file)
{
    private const int MaxPolicyLength = 131_072;

    public List<LayoutError> Errors { get; } = [];

    public void Error(YamlNode node, string field, string message) =>
        Errors.Add(new LayoutError(file, (int)node.Start.Line, (int)node.Start.Column, field, message));

    public void Error(Mark mark, string field, string message) => Errors.Add(new LayoutError(file, (int)mark.Line, (int)mark.Column, field, message));

    /// <summary>The mapping's fields by name; unknown names and non-scalar keys are errors. Null (and an error) when not a mapping.</summary>
    public Dictionary<string, YamlNode>? Fields(YamlNode node, string field, params string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, field, "must be a mapping");
            return null;
        }

        // "" holds the mapping itself, so that a missing required field is reported at the mapping's line.
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal) { [string.Empty] = map };
        foreach ((YamlNode key, YamlNode value) in map.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? string.Empty;
            string path = Join(field, name);
            if (!allowed.Contains(name))
            {
                Error(key, path, $"unknown field (allowed: {string.Join(", ", allowed)})");
            }
            else
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    public void Missing(Dictionary<string, YamlNode> fields, string field) => Error(fields[string.Empty], field, "is required");

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public string? String(Dictionary<string, YamlNode> fields, string name, string parent, bool required = false, Regex? pattern = null, string? rule = null)
    {
        string field = Join(parent, name);
        if (!fields.TryGetValue(name, out YamlNode? node))
        {
            if (required)
            {
                Missing(fields, field);
            }

            return null;
        }

        return String(node, field, pattern, rule);
    }

    public string? String(YamlNode node, string field, Regex? pattern = null, string? rule = null)
    {
        if (node is not YamlScalarNode { Value: { } value } scalar || (scalar.Style == ScalarStyle.Plain && value.Length == 0))
        {
            Error(node, field, "must be a string");
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(value))
        {
            Error(node, field, $"\"{value}\" {rule ?? $"must match {pattern}"}");
            return null;
        }

        return value;
    }

    public bool Bool(Dictionary<string, YamlNode> fields, string name, string parent)
    {
        if (!fields.TryGetValue(name, out YamlNode? node))
        {
            return false;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, Join(parent, name), "must be true or false");
        return false;
    }

    public long? Integer(Dictionary<string, YamlNode> fields, string name, string parent, long min)
    {
        if (!fields.TryGetValue(name, out YamlNode? node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } && long.TryParse(text, out long value))
        {
            if (value >= min)
            {
                return value;
            }

            Error(node, Join(parent, name), $"{value} must be at least {min}");
            return null;
        }

        Error(node, Join(parent, name), "must be an integer");
        return null;
    }

    public IReadOnlyList<(YamlNode Node, string Field)> Sequence(Dictionary<string, YamlNode> fields, string name, string parent)
    {
        if (!fields.TryGetValue(name, out YamlNode? node))
        {
            return [];
        }

        string field = Join(parent, name);
        if (node is not YamlSequenceNode seq)
        {
            Error(node, field, "must be a list");
            return [];
        }

        return [.. seq.Children.Select((child, i) => (child, $"{field}[{i}]"))];
    }

    public IReadOnlyList<string> Strings(Dictionary<string, YamlNode> fields, string name, string parent, Regex? pattern = null, string? rule = null)
    {
        var result = new List<string>();
        foreach ((YamlNode node, string field) in Sequence(fields, name, parent))
        {
            if (String(node, field, pattern, rule) is { } value)
            {
                if (result.Contains(value))
                {
                    Error(node, field, $"\"{value}\" is listed twice");
                }
                else
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    public IReadOnlyDictionary<string, string> Tags(Dictionary<string, YamlNode> fields, string parent)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!fields.TryGetValue("tags", out YamlNode? node))
        {
            return tags;
        }

        string field = Join(parent, "tags");
        if (node is not YamlMappingNode map)
        {
            Error(node, field, "must be a mapping of tag keys to values");
            return tags;
        }

        if (map.Children.Count > 50)
        {
            Error(node, field, $"{map.Children.Count} tags: at most 50");
        }

        foreach ((YamlNode key, YamlNode value) in map.Children)
        {
            string? name = String(key, field);
            if (name is null)
            {
                continue;
            }

            string path = Join(field, name);
            if (name.Length > 128 || name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                Error(key, path, "a tag key is 1 to 128 characters and does not start with aws:");
            }
            else if (value is YamlScalarNode { Value: { } text } && text.Length <= 256)
            {
                tags[name] = text;
            }
            else
            {
                Error(value, path, "a tag value is a string of at most 256 characters");
            }
        }

        return tags;
    }

    /// <summary>A policy written as a mapping or as a JSON string: its JSON text (variables kept), checked with sample values.</summary>
    public string? Policy(Dictionary<string, YamlNode> fields, string name, string parent, PolicyKind? kind, LayoutVariables.Scope scope, bool required = false)
    {
        string field = Join(parent, name);
        if (!fields.TryGetValue(name, out YamlNode? node))
        {
            if (required)
            {
                Missing(fields, field);
            }

            return null;
        }

        string json;
        if (node is YamlMappingNode)
        {
            json = YamlJson.ToJsonText(node);
        }
        else if (node is YamlScalarNode { Value: { Length: > 0 } text } scalar && scalar.Style != ScalarStyle.Plain || node is YamlScalarNode { Value: ['{', ..] })
        {
            json = ((YamlScalarNode)node).Value!;
        }
        else
        {
            Error(node, field, "must be a policy document: a mapping, or a JSON string");
            return null;
        }

        string? sample = Sample(node, field, json, scope);
        if (sample is null)
        {
            return null;
        }

        if (kind is PolicyKind policyKind)
        {
            if (!PolicyDocument.TryParse(sample, policyKind, MaxPolicyLength, out _, out string? problem))
            {
                Error(node, field, $"is not a valid policy: {problem}");
                return null;
            }
        }
        else
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(sample);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    Error(node, field, "must be a JSON object");
                    return null;
                }
            }
            catch (JsonException e)
            {
                Error(node, field, $"is not valid JSON: {e.Message}");
                return null;
            }
        }

        return json;
    }

    /// <summary>Checks the variables of <paramref name="template"/> for <paramref name="scope"/>; returns it rendered with sample values.</summary>
    public string? Sample(YamlNode node, string field, string template, LayoutVariables.Scope scope)
    {
        IReadOnlyList<string> names;
        try
        {
            names = LayoutVariables.Names(template);
        }
        catch (FormatException e)
        {
            Error(node, field, e.Message);
            return null;
        }

        bool ok = true;
        foreach (string name in names.Distinct())
        {
            if (LayoutVariables.Check(name, scope) is { } problem)
            {
                Error(node, field, problem);
                ok = false;
            }
        }

        return ok ? LayoutVariables.Render(template, SampleValue, json: true) : null;
    }

    private static string SampleValue(string name) => name switch
    {
        LayoutVariables.OrganizationId => "o-exampleorg1",
        LayoutVariables.ManagementAccountId => "111111111111",
        LayoutVariables.Partition => "aws",
        LayoutVariables.Region => "us-east-1",
        LayoutVariables.AccountName => "Example",
        LayoutVariables.LayoutName => "example",
        _ => "123456789012",
    };
}
