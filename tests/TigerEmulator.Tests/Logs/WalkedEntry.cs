using System.Globalization;
using System.Text.Json.Nodes;
using TigerEmulator.Logs;

namespace TigerEmulator.Tests.Logs;

/// One entry as a client sees it: the plain line from <c>logs</c> and the structured fields from <c>entries</c>.
internal sealed record WalkedEntry(string Text, DateTime Timestamp, string Message, string Severity)
{
    public static WalkedEntry From(LogLine line) => new(line.ToText(), line.Timestamp, line.Message, line.Severity);

    public static IReadOnlyList<WalkedEntry> FromPage(JsonNode page)
    {
        var logs = page["logs"]!.AsArray();
        var entries = page["entries"]!.AsArray();
        Assert.Equal(logs.Count, entries.Count);
        return logs.Zip(entries, (text, entry) => new WalkedEntry(
            (string)text!,
            DateTime.Parse((string)entry!["timestamp"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            (string)entry["message"]!,
            (string)entry["severity"]!)).ToList();
    }
}
