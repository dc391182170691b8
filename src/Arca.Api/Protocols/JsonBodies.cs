using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Arca.Control.Errors;

namespace Arca.Api.Protocols;

/// <summary>Reading JSON request bodies the way AWS's JSON services do: an empty body is <c>{}</c>; malformed JSON is a 400.</summary>
internal static class JsonBodies
{
    /// <exception cref="AwsServiceException"><paramref name="errorCode"/> (400) naming where the JSON is wrong.</exception>
    public static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(type);
        RequireText(body.Span, errorCode);
        try
        {
            return (body.IsEmpty ? JsonSerializer.Deserialize("{}"u8, type) : JsonSerializer.Deserialize(body.Span, type))
                ?? throw new AwsServiceException(errorCode, "The request body must be a JSON object, not null.", 400);
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}";
            throw new AwsServiceException(errorCode, $"The request body is not valid JSON for this operation{where}.", 400);
        }
    }

    /// <summary>
    /// Every string and member name of the body must be text: invalid UTF-8 or an unpaired surrogate (<c>"\udf3d"</c>)
    /// is refused here, because members kept as raw JSON (a plan, a selection) are only decoded later, where it would
    /// surface as an internal error. Malformed JSON is left to the deserializer, which names where it is.
    /// </summary>
    private static void RequireText(ReadOnlySpan<byte> body, string errorCode)
    {
        var reader = new Utf8JsonReader(body);
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                JsonTokenType token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    path[^1] = path[^1] with { Name = null };
                    path[^1] = path[^1] with { Name = reader.GetString() };
                    continue;
                }

                if (path.Count > 0 && path[^1].IsArray)
                {
                    path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                }

                if (token == JsonTokenType.String)
                {
                    _ = reader.GetString();
                }
                else if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    path.Add(new Frame(token == JsonTokenType.StartArray, null, -1));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the deserializer's error says where.
        }
        catch (InvalidOperationException)
        {
            string what = reader.TokenType == JsonTokenType.PropertyName ? "a member name" : "a string";
            string where = "$" + string.Concat(path.Select(f => f.IsArray ? $"[{f.Index}]" : f.Name is null ? string.Empty : "." + f.Name));
            throw new AwsServiceException(errorCode, $"The request body holds {what} that is not valid UTF-8 text or has an unpaired surrogate at {where}.", 400);
        }
    }

    /// <summary>Where the reader is: an object and the member being read, or an array and the element's index.</summary>
    private readonly record struct Frame(bool IsArray, string? Name, int Index);
}
