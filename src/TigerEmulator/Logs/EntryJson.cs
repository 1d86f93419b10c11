using System.Text.Json;

namespace TigerEmulator.Logs;

/// One element of <c>entries</c>, <c>{"timestamp":…,"message":…,"severity":…}</c>, put together from parts that are
/// already JSON (the timestamp, the escaped message, the severity word) and handed to the writer as one value: six
/// writer calls per entry cost more than the entry's bytes.
internal static class EntryJson
{
    public static void Write(Utf8JsonWriter writer, LogStamp stamp, ReadOnlySpan<byte> messageJson, LineText scratch)
    {
        scratch.Clear();
        scratch.Append("{\"timestamp\":"u8);
        if (!LineTime.TryWriteJson(stamp.Timestamp, scratch.Free(40), out var time))
        {
            // A time that is not UTC is formatted by the writer, offset and all.
            writer.WriteStartObject();
            writer.WriteString("timestamp"u8, stamp.Timestamp);
            writer.WritePropertyName("message"u8);
            writer.WriteRawValue(messageJson, skipInputValidation: true);
            writer.WriteString("severity"u8, stamp.Severity);
            writer.WriteEndObject();
            return;
        }

        scratch.Advance(time);
        scratch.Append(",\"message\":"u8);
        scratch.Append(messageJson);
        scratch.Append(",\"severity\":"u8);
        scratch.Append(SeverityJson(stamp.Severity));
        scratch.Append((byte)'}');
        writer.WriteRawValue(scratch.Written, skipInputValidation: true);
    }

    private static ReadOnlySpan<byte> SeverityJson(string severity) => severity switch
    {
        "LOG" => "\"LOG\""u8,
        "INFO" => "\"INFO\""u8,
        "WARNING" => "\"WARNING\""u8,
        "ERROR" => "\"ERROR\""u8,
        "FATAL" => "\"FATAL\""u8,
        _ => JsonSerializer.SerializeToUtf8Bytes(severity),
    };
}
