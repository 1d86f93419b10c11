namespace TigerEmulator.Journal;

/// One request to the contract API as the journal keeps it: secrets redacted, bodies bounded.
/// Bodies that are JSON are answered as JSON (<see cref="JournalBodyJson"/>). Status is null when no response was sent (a dropped or hung connection); Faults names the rules that fired.
public sealed record JournalEntry(
    long Sequence,
    DateTime Timestamp,
    string Method,
    string Path,
    string? Query,
    string? OperationId,
    int? Status,
    double DurationMs,
    bool Aborted,
    IReadOnlyList<string>? Faults,
    IReadOnlyDictionary<string, string> RequestHeaders,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(JournalBodyJson))] string? RequestBody,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(JournalBodyJson))] string? ResponseBody);
