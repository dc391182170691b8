using System.Collections.Immutable;
using System.Text.Json;

namespace Arca.Domain.Iam.Internal;

/// <summary>Reading helpers for policy JSON that fail with <see cref="PolicyParseException"/> messages naming the element path.</summary>
internal static class JsonShape
{
    public static PolicyParseException Fail(string message) => new(message);

    /// <summary>The properties of an object in document order; a name used twice (per <paramref name="comparer"/>) fails.</summary>
    public static List<JsonProperty> Properties(JsonElement element, string owner, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        var properties = new List<JsonProperty>();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Fail($"{owner} contains element '{property.Name}' more than once");
            }

            properties.Add(property);
        }

        return properties;
    }

    /// <summary>
    /// A string or a non-empty array of strings. Each value is passed to <paramref name="validate"/> with its path:
    /// <c>path</c> for a single string, <c>path[i]</c> for array items.
    /// </summary>
    public static ImmutableArray<string> StringOrArray(JsonElement element, string path, Action<string, string>? validate = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string single = element.GetString()!;
                validate?.Invoke(single, path);
                return [single];
            case JsonValueKind.Array:
                ImmutableArray<string>.Builder values = ImmutableArray.CreateBuilder<string>();
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    string itemPath = $"{path}[{i++}]";
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw Fail($"{itemPath} must be a string");
                    }

                    string value = item.GetString()!;
                    validate?.Invoke(value, itemPath);
                    values.Add(value);
                }

                return values.Count == 0 ? throw Fail($"{path} must not be empty") : values.ToImmutable();
            default:
                throw Fail($"{path} must be a string or an array of strings");
        }
    }
}
