using System.Text.Json;
using Arca.Domain.Plans;

namespace Arca.Domain.Selections;

/// <summary>
/// Reads the wire JSON of a selection, keeping the first problem as a <see cref="BackupPlanError"/> naming the
/// member path. A member given twice is an error. Not thread-safe: one instance per read.
/// </summary>
internal sealed class BackupSelectionJsonReader
{
    public BackupPlanError? Error { get; private set; }

    public BackupSelection? ReadSelection(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new BackupSelection
        {
            SelectionName = String(m, "SelectionName", path),
            IamRoleArn = String(m, "IamRoleArn", path),
            Resources = List(m, "Resources", path, ReadString),
            NotResources = List(m, "NotResources", path, ReadString),
            ListOfTags = List(m, "ListOfTags", path, ReadTag),
            Conditions = TryGet(m, "Conditions", out JsonElement c) ? ReadConditions(c, $"{path}.Conditions") : null,
        };
    }

    private SelectionConditions? ReadConditions(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new SelectionConditions
        {
            StringEquals = List(m, "StringEquals", path, ReadParameter),
            StringNotEquals = List(m, "StringNotEquals", path, ReadParameter),
            StringLike = List(m, "StringLike", path, ReadParameter),
            StringNotLike = List(m, "StringNotLike", path, ReadParameter),
        };
    }

    private TagCondition? ReadTag(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new TagCondition(String(m, "ConditionType", path), String(m, "ConditionKey", path), String(m, "ConditionValue", path));
    }

    private ConditionParameter? ReadParameter(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new ConditionParameter(String(m, "ConditionKey", path), String(m, "ConditionValue", path));
    }

    private string? ReadString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : Fail<string>(path, Expected("a string", element));

    private Dictionary<string, JsonElement>? Members(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail<Dictionary<string, JsonElement>>(path, Expected("an object", element));
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!members.TryAdd(property.Name, property.Value))
            {
                return Fail<Dictionary<string, JsonElement>>(path, $"has member {PlanPatterns.Quote(property.Name)} more than once");
            }
        }

        return members;
    }

    private string? String(Dictionary<string, JsonElement> m, string name, string path) =>
        TryGet(m, name, out JsonElement value) ? ReadString(value, $"{path}.{name}") : null;

    private IReadOnlyList<T>? List<T>(Dictionary<string, JsonElement> m, string name, string path, Func<JsonElement, string, T?> read)
        where T : class
    {
        if (!TryGet(m, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<T>>($"{path}.{name}", Expected("an array", value));
        }

        var items = new List<T>();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (read(item, $"{path}.{name}[{index++}]") is T one)
            {
                items.Add(one);
            }
        }

        return items;
    }

    private static bool TryGet(Dictionary<string, JsonElement> m, string name, out JsonElement value) =>
        m.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Expected(string expected, JsonElement found)
    {
        string kind = found.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
        return $"expected {expected} but found {kind}";
    }

    private T? Fail<T>(string path, string problem)
        where T : class
    {
        Error ??= BackupPlanError.Invalid(path, problem);
        return null;
    }
}
