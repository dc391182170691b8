using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Timestamps as the JSON protocols carry them: epoch seconds as a number, milliseconds as the fraction (reference §1.2).</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDecimal() * 1000m));
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
            ? parsed
            : throw new JsonException("expected a timestamp (epoch seconds or ISO 8601)");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
