using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TigerEmulator.Journal;

/// A journaled body is kept as text; in the journal's answer a body that is JSON is written as JSON, so a reader sees
/// {"name": "orders"} and not "{\"name\":\"orders\"}". A body that is not (plain text, or one cut short) stays a string.
public sealed class JournalBodyJson : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => JsonDocument.ParseValue(ref reader).RootElement.GetRawText(),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (IsJson(value))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool IsJson(string text)
    {
        if (text.Length == 0 || text[0] is not ('{' or '['))
        {
            return false;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
