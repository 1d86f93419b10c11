using System.Net;
using TigerEmulator.Logs;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// The newer contract's log filters: following cursors with <c>search</c> and <c>severities</c> gives exactly the window's
/// entries that pass, newest first, each once, whether pages fill up, stop at their scan budget or find nothing.
public sealed class LogFilterTests(ITestOutputHelper output)
{
    // 240 entries a minute for two hours: more than one scan budget, so rare matches take several pages.
    private static readonly Dictionary<string, string?> Busy = new() { ["Logs:EntriesPerMinute"] = "240" };

    [Theory]
    [InlineData("severities=ERROR", "", "ERROR")]
    [InlineData("severities=error&severities=Fatal&severities=ERROR", "", "ERROR,FATAL")]
    [InlineData("severities=LOG", "", "LOG")]
    [InlineData("search=duration&search=CONDITIONS", "duration,conditions", "")]
    [InlineData("search=automatic%20vacuum%20of%20table", "automatic vacuum of table", "")]
    [InlineData("search=statement&severities=ERROR&severities=warning", "statement", "ERROR,WARNING")]
    [InlineData("search=dev-&search=Devices&severities=LOG", "dev-,devices", "LOG")]
    public async Task FollowingCursors_WithFilters_YieldsExactlyTheMatchingEntriesNewestFirst(string filter, string terms, string severities)
    {
        using var factory = Emulator.Create(output, settings: Busy);
        var (client, path, log) = await TwoHoursAsync(factory);
        var passes = Passes(terms, severities);
        var middle = log.TimeAt(log.Count / 2);

        foreach (var (since, until) in new (DateTime?, DateTime?)[] { (null, null), (log.TimeAt(log.Count / 5), middle), (middle, null), (null, middle) })
        {
            var expected = log.Window(since, until, passes);
            var query = $"{LogsClient.Query(since: since, until: until)}&{filter}".TrimStart('&');

            var (walked, _) = await LogsClient.WalkFilteredAsync(client, path, query);

            Assert.True(expected.Count > 0, $"{query}: the window holds no match, so this case proves little");
            Assert.Equal(expected, walked);
        }
    }

    [Fact]
    public async Task Filters_ThatNoLineCanPass_AnswerOneEmptyPageWithoutACursor()
    {
        using var factory = Emulator.Create(output, settings: Busy);
        var (client, path, _) = await TwoHoursAsync(factory);

        // Generated logs hold no NOTICE line, so every stretch of the log is passed over without writing a line.
        var page = await LogsClient.PageAsync(client, path, "severities=NOTICE&severities=PANIC&severities=debug3");

        Assert.Empty(page["entries"]!.AsArray());
        Assert.Empty(page["logs"]!.AsArray());
        Assert.Null(page["lastCursor"]);
        Assert.Null(page["last_cursor"]);
    }

    [Fact]
    public async Task AFilteredPage_HoldingTheLastMatches_CarriesNoCursor()
    {
        using var factory = Emulator.Create(output, settings: Busy);
        var (client, path, log) = await TwoHoursAsync(factory);
        // A window whose oldest LOG line is the 500th newest: one full page, and nothing older to look for.
        var logLines = log.Window(null, null, line => line.Severity == "LOG");
        var since = logLines[499].Timestamp;

        var page = await LogsClient.PageAsync(client, path, $"{LogsClient.Query(since: since)}&severities=LOG");

        Assert.Equal(logLines.Take(500), WalkedEntry.FromPage(page));
        Assert.Null(page["lastCursor"]);
        // One LOG line more in the window, and the same page says that older ones remain.
        var wider = await LogsClient.PageAsync(client, path, $"{LogsClient.Query(since: logLines[500].Timestamp)}&severities=LOG");
        Assert.Equal(logLines.Take(500), WalkedEntry.FromPage(wider));
        Assert.NotNull(wider["lastCursor"]);
    }

    [Fact]
    public async Task ACursor_IsFollowedUnderTheSameFiltersWrittenAnotherWay()
    {
        using var factory = Emulator.Create(output, settings: Busy);
        var (client, path, log) = await TwoHoursAsync(factory);
        var expected = log.Window(null, null, Passes("dev-,statement", "ERROR,LOG"));
        var first = await LogsClient.PageAsync(client, path, "search=dev-&search=statement&severities=ERROR&severities=LOG");
        var cursor = WebUtility.UrlEncode((string)first["lastCursor"]!);

        // Order, case and repetition do not change a filter.
        var second = await LogsClient.PageAsync(client, path, $"severities=log&search=STATEMENT&severities=Error&search=Dev-&search=dev-&cursor={cursor}");

        var walked = WalkedEntry.FromPage(first).Concat(WalkedEntry.FromPage(second)).ToList();
        Assert.NotEmpty(WalkedEntry.FromPage(second));
        Assert.Equal(expected.Take(walked.Count), walked);
    }

    [Theory]
    [InlineData("severities=ERROR", "severities=WARNING")]
    [InlineData("severities=ERROR", "severities=ERROR&severities=FATAL")]
    [InlineData("search=dev-", "search=dev-&search=statement")]
    [InlineData("search=dev-", "")]
    [InlineData("", "search=dev-")]
    public async Task ACursor_UnderOtherFilters_Returns400(string issuedUnder, string reusedUnder)
    {
        using var factory = Emulator.Create(output, settings: Busy);
        var (client, path, _) = await TwoHoursAsync(factory);
        var cursor = WebUtility.UrlEncode((string)(await LogsClient.PageAsync(client, path, issuedUnder))["lastCursor"]!);

        var response = await client.GetAsync($"{path}?{reusedUnder}&cursor={cursor}");

        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "INVALID_REQUEST", "'cursor' was issued for other 'search' or 'severities' filters: repeat the ones of the page that gave it");
    }

    private static async Task<(HttpClient Client, string Path, BruteForceLog Log)> TwoHoursAsync(TigerEmulatorFactory factory)
    {
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromHours(2));
        var log = new BruteForceLog(factory, id, node: 0);
        Assert.True(log.Count > FilteredScan.Budget, $"the log holds only {log.Count} entries, less than one scan budget");
        return (client, LogsClient.Path(factory.ProjectId, id), log);
    }

    // What the filter means, written apart from the emulator's code: every term in the message in any case, and the
    // severity among those named.
    private static Func<LogLine, bool> Passes(string terms, string severities)
    {
        var termList = terms.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var severityList = severities.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return line => termList.All(t => line.Message.Contains(t, StringComparison.OrdinalIgnoreCase))
            && (severityList.Length == 0 || severityList.Contains(line.Severity));
    }
}
