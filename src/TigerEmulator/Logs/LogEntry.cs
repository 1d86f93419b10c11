using System.Text.Json.Serialization;

namespace TigerEmulator.Logs;

/// The contract's <c>ServiceLogEntry</c> schema.
public sealed record LogEntry(DateTime Timestamp, string Message, string Severity);

/// The contract's <c>ServiceLogs</c> schema. The cursor goes out under both names: <c>lastCursor</c> in the contract this
/// emulator implements, <c>last_cursor</c> in the newer one the current CLI is generated from.
public sealed record ServiceLogsBody(IReadOnlyList<string> Logs, IReadOnlyList<LogEntry> Entries, string? LastCursor)
{
    [JsonPropertyName("lastCursor")]
    public string? LastCursorDeprecated => LastCursor;
}
