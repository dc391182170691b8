using System.Text.Json;

namespace Arca.Domain.Plans;

/// <summary>
/// Writes a backup plan as AWS wire JSON: PascalCase members in the AWS model's order, absent members
/// omitted, numbers as JSON numbers.
/// </summary>
internal static class BackupPlanJsonWriter
{
    public static void WritePlan(Utf8JsonWriter w, BackupPlanInput plan)
    {
        w.WriteStartObject();
        String(w, "BackupPlanName", plan.BackupPlanName);
        List(w, "Rules", plan.Rules, WriteRule);
        List(w, "AdvancedBackupSettings", plan.AdvancedBackupSettings, WriteSetting);
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, BackupRuleInput rule)
    {
        w.WriteStartObject();
        String(w, "RuleName", rule.RuleName);
        String(w, "TargetBackupVaultName", rule.TargetBackupVaultName);
        String(w, "ScheduleExpression", rule.ScheduleExpression);
        Long(w, "StartWindowMinutes", rule.StartWindowMinutes);
        Long(w, "CompletionWindowMinutes", rule.CompletionWindowMinutes);
        WriteLifecycle(w, "Lifecycle", rule.Lifecycle);
        Map(w, "RecoveryPointTags", rule.RecoveryPointTags);
        String(w, "RuleId", rule.RuleId);
        List(w, "CopyActions", rule.CopyActions, WriteCopyAction);
        Bool(w, "EnableContinuousBackup", rule.EnableContinuousBackup);
        String(w, "ScheduleExpressionTimezone", rule.ScheduleExpressionTimezone);
        w.WriteEndObject();
    }

    private static void WriteLifecycle(Utf8JsonWriter w, string name, Lifecycle? lifecycle)
    {
        if (lifecycle is null)
        {
            return;
        }

        w.WriteStartObject(name);
        Long(w, "MoveToColdStorageAfterDays", lifecycle.MoveToColdStorageAfterDays);
        Long(w, "DeleteAfterDays", lifecycle.DeleteAfterDays);
        Bool(w, "OptInToArchiveForSupportedResources", lifecycle.OptInToArchiveForSupportedResources);
        w.WriteEndObject();
    }

    private static void WriteCopyAction(Utf8JsonWriter w, CopyAction action)
    {
        w.WriteStartObject();
        WriteLifecycle(w, "Lifecycle", action.Lifecycle);
        String(w, "DestinationBackupVaultArn", action.DestinationBackupVaultArn);
        w.WriteEndObject();
    }

    private static void WriteSetting(Utf8JsonWriter w, AdvancedBackupSetting setting)
    {
        w.WriteStartObject();
        String(w, "ResourceType", setting.ResourceType);
        Map(w, "BackupOptions", setting.BackupOptions);
        w.WriteEndObject();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Long(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is bool flag)
        {
            w.WriteBoolean(name, flag);
        }
    }

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        w.WriteStartObject(name);
        foreach ((string key, string value) in map)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void List<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (T item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }
}
