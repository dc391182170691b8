using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arca.Domain.Plans;

/// <summary>
/// AWS wire JSON of <see cref="BackupPlanInput"/> (PascalCase, as in CreateBackupPlan bodies and
/// GetBackupPlanFromJSON templates), with precise errors for malformed documents and wrong member
/// types (InvalidParameterValueException, naming the member path). Reading does not validate the
/// plan's rules: run <see cref="BackupPlanValidator"/> afterwards. Thread-safe.
/// </summary>
public static class BackupPlanJson
{
    /// <summary>Longest document accepted, in characters.</summary>
    public const int MaxLength = 1 << 20;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Parses a plan document: either the BackupPlanInput object itself, or an object whose only plan
    /// content is a <c>BackupPlan</c> member (a CreateBackupPlan body), which is unwrapped. Errors are
    /// reported with paths under <c>BackupPlan</c>. Never throws for bad input.
    /// </summary>
    public static bool TryParse(
        string? json, [NotNullWhen(true)] out BackupPlanInput? plan, [NotNullWhen(false)] out BackupPlanError? error)
    {
        plan = null;
        string root = BackupPlanValidator.RootPath;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = BackupPlanError.Missing(root);
            return false;
        }

        if (json.Length > MaxLength)
        {
            error = BackupPlanError.Invalid(root, $"is longer than {MaxLength} characters");
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
            return TryRead(Unwrap(document.RootElement), out plan, out error);
        }
        catch (JsonException ex)
        {
            error = BackupPlanError.Invalid(root, $"is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})");
            return false;
        }
    }

    /// <summary>Reads a plan from an already parsed element (e.g. the <c>BackupPlan</c> member of a request body).</summary>
    public static bool TryRead(
        JsonElement element, [NotNullWhen(true)] out BackupPlanInput? plan, [NotNullWhen(false)] out BackupPlanError? error)
    {
        var reader = new BackupPlanJsonReader();
        plan = reader.ReadPlan(element, BackupPlanValidator.RootPath);
        error = reader.Error;
        if (error is not null)
        {
            plan = null;
            return false;
        }

        return plan is not null;
    }

    /// <summary>Writes the plan as AWS wire JSON; absent members are omitted.</summary>
    public static string Write(BackupPlanInput plan, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            Write(writer, plan);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the plan as one JSON object to <paramref name="writer"/> (e.g. inside a response body).</summary>
    public static void Write(Utf8JsonWriter writer, BackupPlanInput plan)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        BackupPlanJsonWriter.WritePlan(writer, plan);
    }

    private static JsonElement Unwrap(JsonElement root)
    {
        bool wrapped = root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("BackupPlan", out JsonElement inner)
            && inner.ValueKind == JsonValueKind.Object
            && !root.TryGetProperty("BackupPlanName", out _)
            && !root.TryGetProperty("Rules", out _);
        return wrapped ? root.GetProperty("BackupPlan") : root;
    }
}
