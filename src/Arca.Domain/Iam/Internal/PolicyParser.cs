using System.Collections.Immutable;
using System.Text.Json;

namespace Arca.Domain.Iam.Internal;

/// <summary>Parses and validates a policy document; every failure is a <see cref="PolicyParseException"/>.</summary>
internal static class PolicyParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    private static readonly string[] TopLevelElements = ["Version", "Id", "Statement"];

    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    public static PolicyDocument Parse(string json, PolicyKind kind, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (json.Length > maxLength)
        {
            throw JsonShape.Fail($"Policy document exceeds the maximum size of {maxLength} characters");
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw JsonShape.Fail("Policy document is empty");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json, Options);
            return ParseDocument(document.RootElement, kind);
        }
        catch (JsonException ex)
        {
            throw new PolicyParseException(
                $"Policy document is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})", ex);
        }
    }

    private static PolicyDocument ParseDocument(JsonElement root, PolicyKind kind)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonShape.Fail("Policy document must be a JSON object");
        }

        Dictionary<string, JsonElement> elements = Elements(root, "Policy document", TopLevelElements);
        PolicyVersion version = PolicyVersion.Version20081017;
        if (elements.TryGetValue("Version", out JsonElement versionElement))
        {
            version = (versionElement.ValueKind == JsonValueKind.String ? versionElement.GetString() : null) switch
            {
                "2012-10-17" => PolicyVersion.Version20121017,
                "2008-10-17" => PolicyVersion.Version20081017,
                _ => throw JsonShape.Fail("Version must be 2012-10-17 or 2008-10-17"),
            };
        }

        string? id = null;
        if (elements.TryGetValue("Id", out JsonElement idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : throw JsonShape.Fail("Id must be a string");
        }

        if (!elements.TryGetValue("Statement", out JsonElement statementElement))
        {
            throw JsonShape.Fail("Statement is required");
        }

        return new PolicyDocument
        {
            Kind = kind,
            Version = version,
            Id = id,
            Statements = ParseStatements(statementElement, kind),
        };
    }

    private static ImmutableArray<PolicyStatement> ParseStatements(JsonElement element, PolicyKind kind)
    {
        List<JsonElement> items = element.ValueKind switch
        {
            JsonValueKind.Object => [element],
            JsonValueKind.Array => [.. element.EnumerateArray()],
            _ => throw JsonShape.Fail("Statement must be an object or an array of objects"),
        };
        if (items.Count == 0)
        {
            throw JsonShape.Fail("Statement must not be empty");
        }

        ImmutableArray<PolicyStatement>.Builder statements = ImmutableArray.CreateBuilder<PolicyStatement>(items.Count);
        var sids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            PolicyStatement statement = ParseStatement(items[i], i, kind);
            if (statement.Sid is { Length: > 0 } sid && !sids.TryAdd(sid, i))
            {
                throw JsonShape.Fail($"Statement[{i}].Sid \"{sid}\" is already used by Statement[{sids[sid]}]");
            }

            statements.Add(statement);
        }

        return statements.MoveToImmutable();
    }

    private static PolicyStatement ParseStatement(JsonElement element, int index, PolicyKind kind)
    {
        string path = $"Statement[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonShape.Fail($"{path} must be an object");
        }

        Dictionary<string, JsonElement> e = Elements(element, path, StatementElements);
        string? sid = null;
        if (e.TryGetValue("Sid", out JsonElement sidElement))
        {
            sid = sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : throw JsonShape.Fail($"{path}.Sid must be a string");
        }

        StatementEffect effect = ParseEffect(e, path);
        (PrincipalSet? principal, PrincipalSet? notPrincipal) = ParsePrincipals(e, path, kind, effect);
        PatternList action = Pair(e, path, "Action", "NotAction", ValidateAction)
            ?? throw JsonShape.Fail($"{path} must contain Action or NotAction");
        PatternList? resource = ParseResource(e, path, kind);
        ImmutableArray<ConditionClause> conditions = e.TryGetValue("Condition", out JsonElement condition)
            ? ConditionParser.Parse(condition, $"{path}.Condition")
            : [];

        return new PolicyStatement
        {
            Index = index,
            Sid = sid,
            Effect = effect,
            Principal = principal,
            NotPrincipal = notPrincipal,
            Action = action,
            Resource = resource,
            Conditions = conditions,
        };
    }

    private static StatementEffect ParseEffect(Dictionary<string, JsonElement> e, string path)
    {
        if (!e.TryGetValue("Effect", out JsonElement effect))
        {
            throw JsonShape.Fail($"{path}.Effect is required");
        }

        return (effect.ValueKind == JsonValueKind.String ? effect.GetString() : null) switch
        {
            "Allow" => StatementEffect.Allow,
            "Deny" => StatementEffect.Deny,
            _ => throw JsonShape.Fail($"{path}.Effect must be Allow or Deny"),
        };
    }

    private static (PrincipalSet? Principal, PrincipalSet? NotPrincipal) ParsePrincipals(
        Dictionary<string, JsonElement> e, string path, PolicyKind kind, StatementEffect effect)
    {
        bool hasPrincipal = e.TryGetValue("Principal", out JsonElement principal);
        bool hasNotPrincipal = e.TryGetValue("NotPrincipal", out JsonElement notPrincipal);
        if (kind == PolicyKind.Identity)
        {
            return hasPrincipal || hasNotPrincipal
                ? throw JsonShape.Fail($"{path}.{(hasPrincipal ? "Principal" : "NotPrincipal")} is not allowed in an identity-based policy")
                : (null, null);
        }

        if (hasPrincipal && hasNotPrincipal)
        {
            throw JsonShape.Fail($"{path} must not contain both Principal and NotPrincipal");
        }

        if (hasPrincipal)
        {
            return (PrincipalParser.Parse(principal, $"{path}.Principal"), null);
        }

        if (!hasNotPrincipal)
        {
            throw JsonShape.Fail(kind == PolicyKind.RoleTrust
                ? $"{path} must contain Principal"
                : $"{path} must contain Principal or NotPrincipal");
        }

        if (kind == PolicyKind.RoleTrust)
        {
            throw JsonShape.Fail($"{path}.NotPrincipal is not allowed in a role trust policy");
        }

        if (effect != StatementEffect.Deny)
        {
            throw JsonShape.Fail($"{path}.NotPrincipal can only be used with Effect Deny");
        }

        PrincipalSet set = PrincipalParser.Parse(notPrincipal, $"{path}.NotPrincipal");
        return set.IsWildcard ? throw JsonShape.Fail($"{path}.NotPrincipal must not contain *") : (null, set);
    }

    private static PatternList? ParseResource(Dictionary<string, JsonElement> e, string path, PolicyKind kind)
    {
        PatternList? resource = Pair(e, path, "Resource", "NotResource", ValidateResource);
        if (kind == PolicyKind.RoleTrust)
        {
            return resource is null
                ? null
                : throw JsonShape.Fail($"{path}.{(resource.IsNegated ? "NotResource" : "Resource")} is not allowed in a role trust policy");
        }

        return resource ?? throw JsonShape.Fail($"{path} must contain Resource or NotResource");
    }

    private static PatternList? Pair(
        Dictionary<string, JsonElement> e, string path, string name, string notName, Action<string, string> validate)
    {
        bool has = e.TryGetValue(name, out JsonElement element);
        bool hasNot = e.TryGetValue(notName, out JsonElement notElement);
        if (has && hasNot)
        {
            throw JsonShape.Fail($"{path} must not contain both {name} and {notName}");
        }

        return has ? new PatternList(JsonShape.StringOrArray(element, $"{path}.{name}", validate), false)
            : hasNot ? new PatternList(JsonShape.StringOrArray(notElement, $"{path}.{notName}", validate), true)
            : null;
    }

    private static void ValidateAction(string value, string path)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        bool valid = value == "*" || (colon > 0 && colon < value.Length - 1
            && value[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '*' or '?')
            && !value[(colon + 1)..].Any(c => c == ':' || char.IsWhiteSpace(c)));
        if (!valid)
        {
            throw JsonShape.Fail($"{path} '{value}' must be * or of the form service:action");
        }
    }

    private static void ValidateResource(string value, string path)
    {
        bool valid = value == "*" || (value.StartsWith("arn:", StringComparison.Ordinal) && value.Count(c => c == ':') >= 5);
        if (!valid)
        {
            throw JsonShape.Fail($"{path} '{value}' must be * or an ARN");
        }
    }

    private static Dictionary<string, JsonElement> Elements(JsonElement element, string owner, string[] known)
    {
        var elements = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in JsonShape.Properties(element, owner, StringComparer.Ordinal))
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw JsonShape.Fail($"{owner} contains unknown element '{property.Name}'");
            }

            elements[property.Name] = property.Value;
        }

        return elements;
    }
}
