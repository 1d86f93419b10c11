using System.Globalization;
using TigerEmulator.Http;

namespace TigerEmulator.Journal;

/// The filters of GET /_emulator/requests: operation, status, and a time window on the emulated clock.
public sealed record JournalQuery(string? Operation, int? Status, DateTime? Since, DateTime? Until)
{
    public bool Matches(JournalEntry entry) =>
        (Operation is null || entry.OperationId == Operation)
        && (Status is null || entry.Status == Status)
        && (Since is null || entry.Timestamp >= Since)
        && (Until is null || entry.Timestamp <= Until);

    public static JournalQuery From(IQueryCollection query) => new(
        string.IsNullOrEmpty(query["operation"]) ? null : query["operation"].ToString(),
        ParseInt(query["status"], "status"),
        ParseTime(query["since"], "since"),
        ParseTime(query["until"], "until"));

    public static int? ParseInt(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw TigerException.Invalid($"'{name}' must be a whole number, not '{text}'");

    private static DateTime? ParseTime(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.UtcDateTime
        : throw TigerException.Invalid($"'{name}' must be an RFC 3339 timestamp, not '{text}'");
}
