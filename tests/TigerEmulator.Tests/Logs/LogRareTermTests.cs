using System.Diagnostics;
using TigerEmulator.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// The acceptance of filtered logs: over a million-entry log, a term that matches about one line in ten thousand is
/// found by following cursors, every match exactly once, newest first, in pages that each examine a bounded stretch.
public sealed class LogRareTermTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FollowingCursors_ForARareTerm_OverAMillionEntries_YieldsEveryMatchExactlyOnce()
    {
        // As bench/perf.sh builds its log: 1,000 entries a minute for 1,000 minutes on the manual clock.
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["Logs:EntriesPerMinute"] = "1000" });
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1000));

        // One device of the 1,024 that statements name: about one line in ten thousand names it.
        var term = TrafficVocabulary.Devices[0];
        var log = new BruteForceLog(factory, id, node: 0);
        var expected = log.Containing(term);
        Assert.InRange(log.Count, 1_000_000, 1_001_000);
        Assert.InRange(expected.Count, log.Count / 20_000, log.Count / 5_000);

        var clock = Stopwatch.StartNew();
        var (walked, pages) = await LogsClient.WalkFilteredAsync(client, LogsClient.Path(factory.ProjectId, id), $"search={term}");
        output.WriteLine($"{expected.Count} matches of '{term}' in {log.Count} entries, walked in {pages} pages, {clock.ElapsedMilliseconds} ms");

        Assert.Equal(expected, walked);

        // Matches are too rare to fill a page, so each page but the last stops at its budget.
        Assert.Equal((log.Count + FilteredScan.Budget - 1) / FilteredScan.Budget, pages);
    }
}
