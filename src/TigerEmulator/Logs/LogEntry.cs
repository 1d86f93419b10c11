namespace TigerEmulator.Logs;

public sealed record LogEntry(DateTime Timestamp, string Message, string Severity);

/// The contract's <c>ServiceLogs</c> schema.
public sealed record ServiceLogsBody(
    IReadOnlyList<string> Logs,
    IReadOnlyList<LogEntry> Entries,
    [property: System.Text.Json.Serialization.JsonPropertyName("lastCursor")] string? LastCursor);
