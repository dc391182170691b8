using System.Globalization;
using System.Text.Json;
using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Domain.Plans;
using Arca.Domain.Selections;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Reading Backup request members: query values, and plans and selections with their domain readers.</summary>
internal static class BackupRequests
{
    /// <summary>An integer query parameter, or null when absent.</summary>
    public static int? Int(RestJsonRequest request, string name, string member)
    {
        string? text = request.QueryValue(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw BackupErrors.InvalidParameterValue($"{member}: '{Cut(text)}' is not a whole number");
    }

    /// <summary>A boolean query parameter (<c>true</c>/<c>false</c>), or false when absent.</summary>
    public static bool Bool(RestJsonRequest request, string name, string member)
    {
        string? text = request.QueryValue(name);
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out bool value) ? value : throw BackupErrors.InvalidParameterValue($"{member}: '{Cut(text)}' must be true or false");
    }

    /// <summary>The plan of a body member, read by <see cref="BackupPlanJson"/> (errors name the member path), or null when absent.</summary>
    public static BackupPlanInput? Plan(JsonElement? element)
    {
        if (element is not { ValueKind: not JsonValueKind.Null } value)
        {
            return null;
        }

        return BackupPlanJson.TryRead(value, out BackupPlanInput? plan, out BackupPlanError? error) ? plan : throw BackupErrors.From(error);
    }

    /// <summary>The selection of a body member, read by <see cref="BackupSelectionJson"/>, or null when absent.</summary>
    public static BackupSelection? Selection(JsonElement? element)
    {
        if (element is not { ValueKind: not JsonValueKind.Null } value)
        {
            return null;
        }

        return BackupSelectionJson.TryRead(value, out BackupSelection? selection, out BackupPlanError? error) ? selection : throw BackupErrors.From(error);
    }

    public static string Label(RestJsonRequest request, string name) => request.Labels.GetValueOrDefault(name) ?? string.Empty;

    private static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
