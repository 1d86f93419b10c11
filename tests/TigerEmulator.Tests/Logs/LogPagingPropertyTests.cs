using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Storage;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// Following cursors from the newest page must give exactly the window's entries, newest first, with no repeats and no
/// gaps — for any window, at any rate, again and again, and after a restart on the same data folder.
public sealed class LogPagingPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int[] Sizes = [0, 1, 499, 500, 501];

    private readonly TemporaryDataFolder folder = new();

    private string dataDir => folder.Path;

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(0.5)]
    [InlineData(6)]
    [InlineData(240)]
    [InlineData(60_000)]
    public async Task FollowingCursors_ForRandomWindows_YieldsExactlyTheWindowNewestFirst_AgainAndAfterRestart(double entriesPerMinute)
    {
        var settings = new Dictionary<string, string?> { ["Logs:EntriesPerMinute"] = entriesPerMinute.ToString(CultureInfo.InvariantCulture) };
        var random = new Random(20260115 + (int)entriesPerMinute);
        var walks = new List<(string Query, List<WalkedEntry> Entries)>();
        string path;
        TimeSpan age;
        await using (var first = Emulator.Create(output, dataDir, settings))
        {
            var client = first.CreateTigerClient();
            // About 1,000 steady entries per run whatever the rate, so that windows of every size fit in.
            var id = await ServiceStory.LiveAsync(first, client, TimeSpan.FromMinutes(1000 / entriesPerMinute));
            path = LogsClient.Path(first.ProjectId, id);
            age = first.Clock.GetUtcNow() - Emulator.Start;
            foreach (var node in new[] { 0, 1 })
            {
                var log = new BruteForceLog(first, id, node);
                Assert.True(log.Count > 2000, $"node {node} holds only {log.Count} entries");
                foreach (var (since, until, size) in Windows(log, random))
                {
                    var query = LogsClient.Query(node, since, until);
                    var expected = log.Window(since, until);
                    Assert.Equal(size, expected.Count);

                    var walked = await LogsClient.WalkAsync(client, path, query);
                    AssertSameWalk(expected, walked, query);
                    AssertSameWalk(walked, await LogsClient.WalkAsync(client, path, query), query);
                    walks.Add((query, walked));
                }
            }

            // LiteDB 5.0.21 often skips its checkpoint when the host disposes it, and reopening the leftover log then fails
            // now and again (a storage bug, reported apart); checkpointing first makes this a clean stop.
        }

        await using var second = Emulator.Create(output, dataDir, settings);
        second.Clock.Advance(age);
        var again = second.CreateTigerClient();
        foreach (var (query, walked) in walks)
        {
            AssertSameWalk(walked, await LogsClient.WalkAsync(again, path, query), $"after restart: {query}");
        }
    }

    /// Windows of exactly 0, 1, 499, 500 and 501 entries, one of thousands, the whole log, and windows reaching past
    /// either end. A bound falls exactly on an entry or strictly between two, at random.
    private static IEnumerable<(DateTime? Since, DateTime? Until, int Size)> Windows(BruteForceLog log, Random random)
    {
        foreach (var size in Sizes.Append(random.Next(1000, log.Count)))
        {
            var first = random.Next(1, log.Count - size);
            var since = size > 0 && random.Next(2) == 0 ? log.TimeAt(first) : Between(log.TimeAt(first - 1), log.TimeAt(first));
            var until = size == 0 ? since
                : random.Next(2) == 0 ? log.TimeAt(first + size - 1) : Between(log.TimeAt(first + size - 1), log.TimeAt(first + size));
            yield return (since, until, size);
        }

        yield return (null, null, log.Count);
        yield return (Emulator.Start.UtcDateTime.AddDays(-1), log.TimeAt(log.Count - 1).AddDays(1), log.Count);
        yield return (null, Emulator.Start.UtcDateTime, 0);
        yield return (log.TimeAt(log.Count / 2), log.TimeAt(log.Count / 3), 0);
    }

    private static DateTime Between(DateTime earlier, DateTime later)
    {
        Assert.True(earlier < later, $"two entries share the timestamp {earlier:O}");
        return earlier + ((later - earlier) / 2);
    }

    private static void AssertSameWalk(List<WalkedEntry> expected, List<WalkedEntry> actual, string query)
    {
        Assert.True(expected.Count == actual.Count, $"{query}: expected {expected.Count} entries, walked {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"{query}: entry {i} differs:\n  expected {expected[i]}\n  walked   {actual[i]}");
        }

        for (var i = 1; i < actual.Count; i++)
        {
            Assert.True(actual[i - 1].Timestamp >= actual[i].Timestamp, $"{query}: entry {i} is newer than entry {i - 1}");
        }
    }
}
