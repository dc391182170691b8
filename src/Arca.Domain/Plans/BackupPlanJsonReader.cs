using System.Globalization;
using System.Text.Json;

namespace Arca.Domain.Plans;

/// <summary>
/// Reads the AWS wire JSON of a backup plan (PascalCase members) from a <see cref="JsonElement"/>,
/// keeping the first problem as a <see cref="BackupPlanError"/> naming the member path. Unknown
/// members are ignored (as AWS services do); JSON null counts as absent; a member given twice is an
/// error. Not thread-safe: one instance per read.
/// </summary>
internal sealed class BackupPlanJsonReader
{
    public BackupPlanError? Error { get; private set; }

    public BackupPlanInput? ReadPlan(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new BackupPlanInput
        {
            BackupPlanName = String(m, "BackupPlanName", path),
            Rules = List(m, "Rules", path, ReadRule),
            AdvancedBackupSettings = List(m, "AdvancedBackupSettings", path, ReadSetting),
        };
    }

    private BackupRuleInput? ReadRule(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new BackupRuleInput
        {
            RuleName = String(m, "RuleName", path),
            TargetBackupVaultName = String(m, "TargetBackupVaultName", path),
            ScheduleExpression = String(m, "ScheduleExpression", path),
            ScheduleExpressionTimezone = String(m, "ScheduleExpressionTimezone", path),
            StartWindowMinutes = Long(m, "StartWindowMinutes", path),
            CompletionWindowMinutes = Long(m, "CompletionWindowMinutes", path),
            Lifecycle = Object(m, "Lifecycle", path, ReadLifecycle),
            RecoveryPointTags = Map(m, "RecoveryPointTags", path),
            CopyActions = List(m, "CopyActions", path, ReadCopyAction),
            EnableContinuousBackup = Bool(m, "EnableContinuousBackup", path),
            RuleId = String(m, "RuleId", path),
        };
    }

    private Lifecycle? ReadLifecycle(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new Lifecycle(
            Long(m, "MoveToColdStorageAfterDays", path),
            Long(m, "DeleteAfterDays", path),
            Bool(m, "OptInToArchiveForSupportedResources", path));
    }

    private CopyAction? ReadCopyAction(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new CopyAction(String(m, "DestinationBackupVaultArn", path), Object(m, "Lifecycle", path, ReadLifecycle));
    }

    private AdvancedBackupSetting? ReadSetting(JsonElement element, string path)
    {
        Dictionary<string, JsonElement>? m = Members(element, path);
        return m is null ? null : new AdvancedBackupSetting(String(m, "ResourceType", path), Map(m, "BackupOptions", path));
    }

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

    private string? String(Dictionary<string, JsonElement> m, string name, string path)
    {
        if (!TryGet(m, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : Fail<string>($"{path}.{name}", Expected("a string", value));
    }

    private long? Long(Dictionary<string, JsonElement> m, string name, string path)
    {
        if (!TryGet(m, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            return number;
        }

        string problem = value.ValueKind == JsonValueKind.Number
            ? $"expected a whole number but found {PlanPatterns.Quote(value.GetRawText())}"
            : Expected("a number", value);
        Fail<string>($"{path}.{name}", problem);
        return null;
    }

    private bool? Bool(Dictionary<string, JsonElement> m, string name, string path)
    {
        if (!TryGet(m, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail<string>($"{path}.{name}", Expected("true or false", value));
        return null;
    }

    private T? Object<T>(Dictionary<string, JsonElement> m, string name, string path, Func<JsonElement, string, T?> read)
        where T : class
    {
        return TryGet(m, name, out JsonElement value) ? read(value, $"{path}.{name}") : null;
    }

    private IReadOnlyDictionary<string, string>? Map(Dictionary<string, JsonElement> m, string name, string path)
    {
        if (!TryGet(m, name, out JsonElement value) || Members(value, $"{path}.{name}") is not { } members)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, JsonElement entry) in members)
        {
            map[key] = entry.ValueKind == JsonValueKind.String
                ? entry.GetString()!
                : Fail<string>($"{path}.{name}.{key}", Expected("a string", entry)) ?? string.Empty;
        }

        return map;
    }

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
            if (read(item, $"{path}.{name}[{index++}]") is T read1)
            {
                items.Add(read1);
            }
        }

        return items;
    }

    private static bool TryGet(Dictionary<string, JsonElement> m, string name, out JsonElement value)
    {
        return m.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

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
        return string.Create(CultureInfo.InvariantCulture, $"expected {expected} but found {kind}");
    }

    private T? Fail<T>(string path, string problem)
        where T : class
    {
        Error ??= BackupPlanError.Invalid(path, problem);
        return null;
    }
}
