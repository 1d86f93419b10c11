using System.Text.Json;
using System.Text.Json.Serialization;

namespace TigerEmulator.Logs;

/// Writes a page as the contract's <c>ServiceLogs</c>: <c>logs</c> (each entry as PostgreSQL's plain line), <c>entries</c>
/// (<c>{timestamp, message, severity}</c>) and the cursor. Each entry is generated once, its message escaped once, and
/// both forms are copied from that, with no string per line: a page is 500 entries, and clients poll it. The property
/// names are the contract's, whatever naming policy the options carry.
internal sealed class ServiceLogsJson : JsonConverter<ServiceLogsBody>
{
    private static readonly JsonEncodedText Logs = JsonEncodedText.Encode("logs");
    private static readonly JsonEncodedText Entries = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText LastCursor = JsonEncodedText.Encode("last_cursor");
    private static readonly JsonEncodedText LastCursorDeprecated = JsonEncodedText.Encode("lastCursor");

    public override ServiceLogsBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The emulator writes service logs; it never reads them.");

    public override void Write(Utf8JsonWriter writer, ServiceLogsBody body, JsonSerializerOptions options)
    {
        using var page = body.Generate();
        using var line = new LineText(2048);
        writer.WriteStartObject();
        writer.WriteStartArray(Logs);
        for (var i = 0; i < page.Count; i++)
        {
            line.Clear();
            PlainLine.WriteJson(page.Stamp(i), page.MessageJson(i), line);
            writer.WriteRawValue(line.Written, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Entries);
        for (var i = 0; i < page.Count; i++)
        {
            EntryJson.Write(writer, page.Stamp(i), page.MessageJson(i), line);
        }

        writer.WriteEndArray();
        if (body.LastCursor is { } cursor)
        {
            writer.WriteString(LastCursor, cursor);
            writer.WriteString(LastCursorDeprecated, cursor);
        }

        writer.WriteEndObject();
    }
}
