using System.Text.Json;
using System.Text.Json.Nodes;
using TigerEmulator.Logs;
using TigerEmulator.Services;

namespace TigerEmulator.Tests.Logs;

/// A node whose real server started after some generated history: the generated log up to the book's beginning, then
/// the book, paged newest first by exact cursors while the server keeps writing.
public sealed class ServerLogMergeTests
{
    private static readonly LogSettings Settings = new() { EntriesPerMinute = 60 };
    private static readonly DateTime Since = StoredService.Created.AddHours(1);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PagingWithCursors_WhileTheServerWrites_YieldsEveryEntryOfTheFirstPagesLogExactlyOnce(bool pinUntil)
    {
        var service = StoredService.With();
        var book = new List<ServerEntry>();
        var now = Since.AddMinutes(10);
        Write(book, 700, Since, now);
        var until = pinUntil ? now : (DateTime?)null;
        var expected = Everything(service, now, Snapshot(book)).Where(e => until is null || e.Timestamp <= until).ToList();

        var walked = new List<WalkedEntry>();
        string? cursor = null;
        do
        {
            var page = Page(service, new LogQuery(0, 0, null, until, cursor is null ? null : LogCursor.Decode(cursor)), now, Snapshot(book));
            walked.AddRange(WalkedEntry.FromPage(page));
            cursor = (string?)page["last_cursor"];

            // The server writes between the client's pages, and the emulated clock moves on.
            now = now.AddSeconds(30);
            Write(book, 300, now.AddSeconds(-30), now);
        }
        while (cursor is not null);

        Assert.Equal(expected, walked);
        Assert.True(walked.Count > 700 + 3000, $"{walked.Count} entries: the book's 700 and an hour of generated lines");
        Assert.Equal(book.Take(700).Select(e => e.Message).Reverse(), walked.Take(700).Select(e => e.Message));
    }

    [Fact]
    public void TheGeneratedLog_StopsAtTheBooksBeginning_AndKeepsWhatCameBefore()
    {
        var service = StoredService.With();
        var now = Since.AddMinutes(10);
        var book = new List<ServerEntry>();
        Write(book, 5, Since, now);

        var merged = Everything(service, now, Snapshot(book));
        var generated = Everything(service, now, null);

        Assert.Equal(generated.Where(e => e.Timestamp <= Since), merged.Skip(5));
        Assert.Equal(book.Select(e => e.Message).Reverse(), merged.Take(5).Select(e => e.Message));
        Assert.Contains(generated, e => e.Timestamp > Since);
    }

    [Fact]
    public void FiltersAndSince_ReadTheBooksLines()
    {
        var service = StoredService.With();
        var now = Since.AddMinutes(10);
        var book = new List<ServerEntry>
        {
            new(Since.AddMinutes(1), "LOG", "connection received: host=127.0.0.1 port=5000", 10),
            new(Since.AddMinutes(2), "ERROR", "relation \"t\" does not exist\nSTATEMENT:  select * from t", 11),
            new(Since.AddMinutes(3), "FATAL", "password authentication failed for user \"x\"", 12),
        };
        var snapshot = Snapshot(book);

        var errors = WalkedEntry.FromPage(Page(service, new LogQuery(0, 0, null, null, null) { Filter = Filter(severities: ["error", "fatal"]) }, now, snapshot));
        var searched = WalkedEntry.FromPage(Page(service, new LogQuery(0, 0, null, null, null) { Filter = Filter(search: ["SELECT * FROM T"]) }, now, snapshot));
        var since = WalkedEntry.FromPage(Page(service, new LogQuery(0, 0, Since.AddMinutes(2), null, null), now, snapshot));

        Assert.Equal(["FATAL", "ERROR"], errors.Where(e => e.Timestamp > Since).Select(e => e.Severity));
        Assert.Equal("2026-01-15 10:02:00.000 UTC [11] ERROR:  relation \"t\" does not exist\n2026-01-15 10:02:00.000 UTC [11] STATEMENT:  select * from t", Assert.Single(searched).Text);
        Assert.Equal([12, 11], since.Select(e => int.Parse(e.Text.Split('[', ']')[1])));
    }

    private static LogFilter Filter(string[]? search = null, string[]? severities = null) =>
        LogFilter.Parse(new(search ?? []), new(severities ?? []));

    // Entries spread evenly over [from, to), as a book stamps them: never decreasing.
    private static void Write(List<ServerEntry> book, int count, DateTime from, DateTime to)
    {
        var first = book.Count;
        for (var i = 0; i < count; i++)
        {
            book.Add(new ServerEntry(from.AddTicks((to - from).Ticks * i / count), i % 7 == 0 ? "ERROR" : "LOG", $"line {first + i}", 4000 + first + i));
        }
    }

    private static ServerLogSnapshot Snapshot(List<ServerEntry> book) =>
        new(Since, [.. book], book.Count, book.Aggregate(SeveritySet.None, (set, e) => set | SeverityNames.Of(e.Severity)));

    private static List<WalkedEntry> Everything(ServiceDocument service, DateTime now, ServerLogSnapshot? server)
    {
        var timeline = LogTimeline.For(service, 0, now, Settings, server);
        return timeline.Descending(timeline.Count, 0).Select(WalkedEntry.From).ToList();
    }

    private static JsonNode Page(ServiceDocument service, LogQuery query, DateTime now, ServerLogSnapshot server) =>
        JsonNode.Parse(JsonSerializer.Serialize(LogPage.Read(service, query, now, Settings, server)))!;
}
