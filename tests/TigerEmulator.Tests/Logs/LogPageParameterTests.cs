using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// The deprecated page parameter still slices the window into pages of 500, newest first.
public sealed class LogPageParameterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetLogs_ByPageNumber_GivesTheSameSlicesAsTheCursorWalk()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromHours(3));
        var path = LogsClient.Path(factory.ProjectId, id);
        var until = LogsClient.Query(until: factory.Clock.GetUtcNow().UtcDateTime);
        var walk = await LogsClient.WalkAsync(client, path, until);
        Assert.InRange(walk.Count, 1001, 1499);

        for (var page = 0; page < 4; page++)
        {
            var body = await LogsClient.PageAsync(client, path, $"{until}&page={page}");
            Assert.Equal(walk.Skip(page * 500).Take(500), WalkedEntry.FromPage(body));
            Assert.Equal(page < 2, body["lastCursor"] is not null);
        }
    }
}
