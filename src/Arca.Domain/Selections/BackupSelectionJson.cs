using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Arca.Domain.Plans;

namespace Arca.Domain.Selections;

/// <summary>
/// AWS wire JSON of <see cref="BackupSelection"/> (PascalCase members, as in CreateBackupSelection bodies), with
/// precise errors for wrong member types (InvalidParameterValueException naming the member path under
/// <c>BackupSelection</c>). Reading does not validate: run <see cref="BackupSelectionValidator"/> afterwards.
/// Unknown members are ignored; JSON null counts as absent. Thread-safe.
/// </summary>
public static class BackupSelectionJson
{
    /// <summary>Reads a selection from a parsed element (e.g. the <c>BackupSelection</c> member of a request body).</summary>
    public static bool TryRead(
        JsonElement element, [NotNullWhen(true)] out BackupSelection? selection, [NotNullWhen(false)] out BackupPlanError? error)
    {
        var reader = new BackupSelectionJsonReader();
        selection = reader.ReadSelection(element, BackupSelectionValidator.RootPath);
        error = reader.Error;
        if (error is not null)
        {
            selection = null;
            return false;
        }

        return selection is not null;
    }

    /// <summary>The selection as compact wire JSON; absent members are omitted.</summary>
    public static string Write(BackupSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, selection);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the selection as one JSON object; absent members are omitted.</summary>
    public static void Write(Utf8JsonWriter writer, BackupSelection selection)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(selection);
        writer.WriteStartObject();
        String(writer, "SelectionName", selection.SelectionName);
        String(writer, "IamRoleArn", selection.IamRoleArn);
        Strings(writer, "Resources", selection.Resources);
        if (selection.ListOfTags is { } tags)
        {
            writer.WriteStartArray("ListOfTags");
            foreach (TagCondition tag in tags)
            {
                writer.WriteStartObject();
                String(writer, "ConditionType", tag.ConditionType);
                String(writer, "ConditionKey", tag.ConditionKey);
                String(writer, "ConditionValue", tag.ConditionValue);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Strings(writer, "NotResources", selection.NotResources);
        if (selection.Conditions is { } conditions)
        {
            writer.WriteStartObject("Conditions");
            Parameters(writer, "StringEquals", conditions.StringEquals);
            Parameters(writer, "StringNotEquals", conditions.StringNotEquals);
            Parameters(writer, "StringLike", conditions.StringLike);
            Parameters(writer, "StringNotLike", conditions.StringNotLike);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Parameters(Utf8JsonWriter w, string name, IReadOnlyList<ConditionParameter>? parameters)
    {
        if (parameters is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (ConditionParameter parameter in parameters)
        {
            w.WriteStartObject();
            String(w, "ConditionKey", parameter.ConditionKey);
            String(w, "ConditionValue", parameter.ConditionValue);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
