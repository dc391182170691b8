using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Control.Errors;

namespace Arca.Control.Layouts.Internal;

/// <summary>Compares policy documents as JSON values: property order and whitespace do not matter.</summary>
internal static class PolicyText
{
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (JsonException)
        {
            return a == b;
        }
    }

    /// <summary><c>Code: message</c> of a service error, as instance reasons show it.</summary>
    public static string Reason(AwsServiceException e) => $"{e.Code}: {e.Message}";
}
