using System.Text.Json;
using TigerEmulator.Logs;
using TigerEmulator.RealServers;

namespace TigerEmulator.Tests.Logs;

/// A server's book, read from JSON log files written by hand: whole lines only, file after file, passwords hidden,
/// times moved onto the emulated clock, kept across a reopening, and capped.
public sealed class ServerLogBookTests : IDisposable
{
    private static readonly DateTime Real = new(2026, 11, 30, 23, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Emulated = new(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("tiger-book-").FullName;

    private ServerLogPlace Place => new(Path.Combine(folder, "log"), Path.Combine(folder, "log-book.jsonl"));

    [Fact]
    public void WholeLinesOnly_FileAfterFile_WithPasswordsHidden_AndSeveritiesAsTheLogWritesThem()
    {
        Directory.CreateDirectory(Place.LogFolder);
        Log("postgresql-20261130-230000.json", Line(1, "LOG", "connection received: host=127.0.0.1 port=5000") + Line(2, "ERROR", "role \"x\" does not exist", "ALTER ROLE x PASSWORD 'hunter2'"));
        Log("postgresql-20261130-230000.json", Line(3, "DEBUG2", "debugging")[..20]);
        var book = ServerLogBook.Open(Place, Emulated.AddHours(-1));

        var first = book.Read(Emulated, Real, []);
        Log("postgresql-20261130-230000.json", Line(3, "DEBUG2", "debugging")[20..]);
        Log("postgresql-20261130-231000.json", Line(4, "FATAL", "unterminated quoted string at or near \"'hunter2\"", "CREATE ROLE y PASSWORD 'hunter2"));
        var second = book.Read(Emulated, Real, []);

        Assert.Equal(2, first.Count);
        Assert.Equal(
            [
                ("LOG", "connection received: host=127.0.0.1 port=5000"),
                ("ERROR", "role \"x\" does not exist\nSTATEMENT:  ALTER ROLE x PASSWORD '********'"),
                ("DEBUG", "debugging"),
                ("FATAL", "unterminated quoted string at or near \"********\"\nSTATEMENT:  CREATE ROLE y PASSWORD '********'"),
            ],
            second.Entries.Take(second.Count).Select(e => (e.Severity, e.Message)));
        Assert.DoesNotContain("hunter2", File.ReadAllText(Place.BookFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Stamps_AreTheServersTimesOnTheEmulatedClock_NeverBeforeThePreviousReading_NorAfterNow()
    {
        Directory.CreateDirectory(Place.LogFolder);
        var book = ServerLogBook.Open(Place, Emulated.AddHours(-1));
        Log("postgresql-1.json", Line(1, "LOG", "ten seconds ago", at: Real.AddSeconds(-10)) + Line(2, "LOG", "from the future", at: Real.AddSeconds(5)));
        book.Read(Emulated, Real, []);

        // The clock was moved five minutes on while a second of real time passed; a line written long before the last
        // reading comes after it.
        Log("postgresql-1.json", Line(3, "LOG", "written long before", at: Real.AddMinutes(-10)) + Line(4, "LOG", "just now", at: Real.AddSeconds(1)));
        var read = book.Read(Emulated.AddMinutes(5), Real.AddSeconds(1), []);

        Assert.Equal([Emulated.AddSeconds(-10), Emulated, Emulated, Emulated.AddMinutes(5)], read.Entries.Take(read.Count).Select(e => e.Stamp));
    }

    [Fact]
    public void AReopenedBook_HasTheSameEntries_AndDropsAReadingCutShort_ThenReadsItAgain()
    {
        Directory.CreateDirectory(Place.LogFolder);
        Log("postgresql-1.json", Line(1, "LOG", "one") + Line(2, "LOG", "two"));
        var read = ServerLogBook.Open(Place, Emulated.AddHours(-1)).Read(Emulated, Real, [(Emulated.AddMinutes(-1), "database start failed: pg_ctl exited with 1")]);
        Log("postgresql-1.json", Line(3, "LOG", "three"));
        File.AppendAllText(Place.BookFile, "{\"t\":1,\"s\":\"LOG\",\"p\":3,\"m\":\"three\"}\n{\"t\":");

        var reopened = ServerLogBook.Open(Place, Emulated);
        var again = reopened.Read(Emulated.AddMinutes(1), Real, [(Emulated.AddMinutes(-1), "database start failed: pg_ctl exited with 1")]);

        Assert.Equal(Emulated.AddHours(-1), reopened.Since);
        Assert.Equal(read.Entries.Take(read.Count), again.Entries.Take(3));
        Assert.Equal(["database start failed: pg_ctl exited with 1", "one", "two", "three"], again.Entries.Take(again.Count).Select(e => e.Message));
    }

    [Fact]
    public void PastItsCap_TheBookLetsItsOlderHalfGo_AndTheEntriesLeftKeepTheirOrdinals()
    {
        Directory.CreateDirectory(Place.LogFolder);
        Log("postgresql-1.json", string.Concat(Enumerable.Range(0, 15).Select(i => Line(100 + i, "LOG", $"line {i}"))));
        var service = StoredService.With();
        var settings = new LogSettings();
        var since = StoredService.Created.AddHours(1);
        var now = since.AddMinutes(1);
        var whole = ServerLogBook.Open(Place with { BookFile = Path.Combine(folder, "whole.jsonl") }, since).Read(now, Real, []);
        var whileWhole = LogPage.Read(service, new LogQuery(0, 0, null, null, null), now, settings, whole);
        var cursor = LogCursor.Decode(whileWhole.LastCursor ?? new LogCursor(service.Id, 0, LogTimeline.For(service, 0, now, settings, whole).Count - 3).Encode())!;

        var capped = ServerLogBook.Open(Place, since, cap: 10).Read(now, Real, []);
        var reopened = ServerLogBook.Open(Place, since, cap: 10).Read(now, Real, []);

        Assert.Equal((10L, 5), (capped.Dropped, capped.Count));
        Assert.Equal((10L, 5), (reopened.Dropped, reopened.Count));
        Assert.Equal(Enumerable.Range(10, 5).Select(i => $"line {i}"), reopened.Entries.Take(5).Select(e => e.Message));
        var timeline = LogTimeline.For(service, 0, now, settings, reopened);
        var full = LogTimeline.For(service, 0, now, settings, whole);
        Assert.Equal((full.Count - 5, full.Count), (timeline.First, timeline.Count));
        Assert.Equal(full.Descending(full.Count, full.Count - 5).Select(l => l.Message), timeline.Descending(timeline.Count, timeline.First).Select(l => l.Message));
        var page = LogPage.Read(service, new LogQuery(0, 0, null, null, cursor), now, settings, reopened);
        Assert.Equal((2, null), (page.Count, page.LastCursor));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Log(string file, string text) => File.AppendAllText(Path.Combine(Place.LogFolder, file), text);

    private static string Line(int pid, string severity, string message, string? statement = null, DateTime? at = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["timestamp"] = (at ?? Real.AddSeconds(-1)).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            ["pid"] = pid,
            ["error_severity"] = severity,
            ["message"] = message,
            ["statement"] = statement,
        }) + "\n";
}
