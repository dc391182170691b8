using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Arca.Domain.Layouts.Internal;

/// <summary>A YAML node as JSON: mappings → objects, sequences → arrays, plain <c>true</c>/<c>false</c>/<c>null</c> → those, every other scalar a string
/// (policy values are strings: an account id must not become a number).</summary>
internal static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    public static string ToJsonText(YamlNode node) => ToJson(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        return JsonValue.Create(value);
    }
}
