using System.Globalization;
using Arca.Domain.Iam;

namespace Arca.Control.Iam.Internal;

/// <summary>IAM's input constraints (from the IAM API model), each failure a ValidationError naming the field.</summary>
internal static class IamValidation
{
    public const int MaxPolicyDocumentLength = 131072;
    public const int MaxTrustPolicySize = 2048;
    public const int MaxInlinePolicySizePerRole = 10240;

    private const string NamePattern = "Member must satisfy regular expression pattern: [\\w+=,.@-]+";

    public static string RoleName(string? value, string field = "roleName") => Name(value, field, 64);

    public static string PolicyName(string? value) => Name(value, "policyName", 128);

    public static string Path(string? value, string field)
    {
        Length(value, field, 1, 512);
        bool ok = value == "/" || (value.Length >= 3 && value[0] == '/' && value[^1] == '/' && value.All(c => c is >= '\u0021' and <= '\u007E'));
        return ok ? value : throw IamErrors.Validation(field, value, "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    }

    public static string PathPrefix(string value)
    {
        Length(value, "pathPrefix", 1, 512);
        return value[0] == '/' && value.All(c => c is >= '\u0021' and <= '\u007F')
            ? value
            : throw IamErrors.Validation("pathPrefix", value, "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
    }

    public static string PolicyText(string? value, string field)
    {
        Length(value, field, 1, MaxPolicyDocumentLength);
        return value.All(c => c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\u00FF'))
            ? value
            : throw IamErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    }

    public static PolicyDocument ParsePolicy(string text, PolicyKind kind)
    {
        return PolicyDocument.TryParse(text, kind, MaxPolicyDocumentLength, out PolicyDocument? document, out string? error)
            ? document
            : throw IamErrors.MalformedPolicyDocument(error);
    }

    /// <summary>IAM counts policy size without white space.</summary>
    public static int SizeWithoutWhitespace(string text) => text.Count(c => !char.IsWhiteSpace(c));

    /// <summary>A required description (UpdateRoleDescription): as <see cref="Description(string?)"/>, but null is refused.</summary>
    public static string RequiredDescription(string? value)
    {
        Length(value, "description", 0, 1000);
        return Description(value)!;
    }

    public static string? Description(string? value)
    {
        if (value is null)
        {
            return null;
        }

        Length(value, "description", 0, 1000);
        return value.All(c => c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\u007E') or (>= '\u00A1' and <= '\u00FF'))
            ? value
            : throw IamErrors.Validation("description", value, "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    }

    public static int MaxSessionDuration(int? value) => value switch
    {
        null => 3600,
        >= 3600 and <= 43200 => value.Value,
        _ => throw IamErrors.Validation("maxSessionDuration", value.Value.ToString(CultureInfo.InvariantCulture),
            "Member must have value less than or equal to 43200 and greater than or equal to 3600"),
    };

    public static int MaxItems(int? value) => value switch
    {
        null => 100,
        >= 1 and <= 1000 => value.Value,
        _ => throw IamErrors.Validation("maxItems", value.Value.ToString(CultureInfo.InvariantCulture),
            "Member must have value less than or equal to 1000 and greater than or equal to 1"),
    };

    public static IReadOnlyList<RoleTag> Tags(IReadOnlyList<RoleTag> tags)
    {
        if (tags.Count > 50)
        {
            throw IamErrors.Validation("tags", $"{tags.Count} tags", "Member must have length less than or equal to 50");
        }

        for (int i = 0; i < tags.Count; i++)
        {
            string field = $"tags.{i + 1}.member";
            Length(tags[i].Key, field + ".key", 1, 128);
            Length(tags[i].Value, field + ".value", 0, 256);
            if (!tags[i].Key.All(IsTagChar) || !tags[i].Value.All(IsTagChar))
            {
                throw IamErrors.Validation(field, tags[i].Key, "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
            }
        }

        if (tags.GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw IamErrors.InvalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        }

        return tags;
    }

    private static string Name(string? value, string field, int max)
    {
        Length(value, field, 1, max);
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-')
            ? value
            : throw IamErrors.Validation(field, value, NamePattern);
    }

    private static void Length([System.Diagnostics.CodeAnalysis.NotNull] string? value, string field, int min, int max)
    {
        if (value is null)
        {
            throw IamErrors.Validation(field, null, string.Empty);
        }

        if (value.Length < min)
        {
            throw IamErrors.Validation(field, value, $"Member must have length greater than or equal to {min}");
        }

        if (value.Length > max)
        {
            throw IamErrors.Validation(field, value, $"Member must have length less than or equal to {max}");
        }
    }

    private static bool IsTagChar(char c) =>
        char.IsLetter(c) || char.IsDigit(c) || char.IsNumber(c) || char.IsSeparator(c) || c is '_' or '.' or ':' or '/' or '=' or '+' or '-' or '@';
}
