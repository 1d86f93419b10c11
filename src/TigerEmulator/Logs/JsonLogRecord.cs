using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TigerEmulator.Logs;

/// One line of PostgreSQL's JSON log (log_destination 'jsonlog'), read into what an entry shows: when the server wrote
/// it (its real clock), the severity, the message with its extra lines, and the process. Passwords are hidden here,
/// before the line goes anywhere else.
internal readonly record struct JsonLogRecord(DateTime Written, string Severity, string Message, int Pid)
{
    /// Null for a line that is not a JSON log record (a torn or foreign line is passed over).
    public static JsonLogRecord? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            using var json = JsonDocument.Parse(line.ToArray());
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "timestamp") is not { } stamp || Text(root, "message") is not { } message
                || !DateTime.TryParseExact(stamp, "yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var written))
            {
                return null;
            }

            var statement = Text(root, "statement");
            var sensitive = PasswordRedaction.IsSensitive(statement) || PasswordRedaction.IsSensitive(Text(root, "internal_query"));
            var text = new StringBuilder(sensitive ? PasswordRedaction.RedactError(message) : PasswordRedaction.Redact(message));
            Extra(text, "DETAIL", Text(root, "detail"));
            Extra(text, "HINT", Text(root, "hint"));
            Extra(text, "CONTEXT", Text(root, "context"));
            Extra(text, "STATEMENT", statement);
            var pid = root.TryGetProperty("pid", out var p) && p.TryGetInt32(out var number) ? number : 0;
            return new JsonLogRecord(written, SeverityWord(Text(root, "error_severity")), text.ToString(), pid);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // PostgreSQL writes DEBUG1 to DEBUG5 for its debug levels; the API's word is DEBUG.
    private static string SeverityWord(string? written) => written switch
    {
        null => "LOG",
        _ when written.StartsWith("DEBUG", StringComparison.Ordinal) => "DEBUG",
        _ when SeverityNames.Of(written) != SeveritySet.None => written,
        _ => "LOG",
    };

    private static void Extra(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append('\n').Append(label).Append(":  ").Append(PasswordRedaction.Redact(value));
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
