using System.Collections.Immutable;
using System.Text.Json;

using Arca.Domain.Arns;

namespace Arca.Domain.Iam.Internal;

/// <summary>Parses <c>Principal</c> and <c>NotPrincipal</c> elements.</summary>
internal static class PrincipalParser
{
    public static PrincipalSet Parse(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() == "*")
        {
            return new PrincipalSet(true, [], []);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonShape.Fail($"{path} must be \"*\" or an object with AWS or Service principals");
        }

        bool wildcard = false;
        ImmutableArray<string> aws = [];
        ImmutableArray<string> services = [];
        foreach (JsonProperty property in JsonShape.Properties(element, path, StringComparer.Ordinal))
        {
            string typePath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "AWS":
                    ImmutableArray<string> values = JsonShape.StringOrArray(property.Value, typePath, ValidateAws);
                    wildcard |= values.Contains("*");
                    aws = [.. values.Where(v => v != "*").Select(Normalize).Distinct(StringComparer.Ordinal)];
                    break;
                case "Service":
                    services = JsonShape.StringOrArray(property.Value, typePath, ValidateService);
                    break;
                case "Federated" or "CanonicalUser":
                    throw JsonShape.Fail($"{typePath} principals are not supported");
                default:
                    throw JsonShape.Fail($"{path} contains unknown principal type '{property.Name}'");
            }
        }

        return wildcard || aws.Length > 0 || services.Length > 0
            ? new PrincipalSet(wildcard, aws, services)
            : throw JsonShape.Fail($"{path} must name at least one principal");
    }

    private static string Normalize(string value) =>
        AccountId.IsValid(value) ? Arn.AccountRoot(value).ToString() : value;

    private static void ValidateAws(string value, string path)
    {
        if (value == "*" || AccountId.IsValid(value))
        {
            return;
        }

        bool valid = !value.Contains('*', StringComparison.Ordinal) && !value.Contains('?', StringComparison.Ordinal)
            && Arn.TryParse(value, out Arn? arn, out _)
            && (arn.Kind is ArnKind.AccountRoot or ArnKind.Role or ArnKind.AssumedRole
                || (arn.Service == "iam" && arn.ResourceType == "user" && arn.Account.Length > 0 && arn.ResourceId.Length > 0));
        if (!valid)
        {
            throw JsonShape.Fail(
                $"{path} '{value}' is not a valid AWS principal (expected *, an account id, or an account root, role, assumed-role or user ARN)");
        }
    }

    private static void ValidateService(string value, string path)
    {
        bool valid = value.Length > 0 && value.Contains('.', StringComparison.Ordinal)
            && !value.Any(c => c is '*' or '?' || char.IsWhiteSpace(c));
        if (!valid)
        {
            throw JsonShape.Fail($"{path} '{value}' is not a valid service principal (expected a name such as backup.amazonaws.com)");
        }
    }
}
