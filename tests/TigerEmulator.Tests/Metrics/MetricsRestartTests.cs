using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;
using static TigerEmulator.Tests.Metrics.MetricsClient;

namespace TigerEmulator.Tests.Metrics;

/// The sizes before a resize are stored with the service, so a restart on the same data folder answers the same series.
public sealed class MetricsRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDataFolder dataFolder = new();

    public void Dispose() => dataFolder.Dispose();

    [Fact]
    public async Task Restart_OnSameDataFolder_AnswersTheSameSeries_OldSizeIncluded()
    {
        var start = Emulator.Start.UtcDateTime;
        var body = Body(CpuTotal, start, start.AddMinutes(30), 60);
        string path, before;
        await using (var first = Emulator.Create(output, dataFolder.Path))
        {
            var client = first.CreateTigerClient();
            var id = await ServiceStory.CreateReadyAsync(first, client);
            await first.AdvanceAsync(TimeSpan.FromMinutes(10));
            await ServiceStory.ActAsync(first, client, id, "resize", new { cpu_millis = "2000", memory_gbs = "8" });
            await first.AdvanceAsync(TimeSpan.FromMinutes(10));
            path = SeriesPath(first.ProjectId, id);
            before = (await SeriesAsync(client, path, body)).ToJsonString();
        }

        await using var second = Emulator.Create(output, dataFolder.Path);
        var again = second.CreateTigerClient();

        // The restarted emulator's clock starts again at Emulator.Start: moved to the first one's now (09:20:06), the
        // same window has the same scrapes behind it.
        await second.AdvanceAsync(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(6));
        var after = Points(await SeriesAsync(again, path, body));

        Assert.Equal(before, (await SeriesAsync(again, path, body)).ToJsonString());
        Assert.Equal(500, after.Single(p => p.Time == start.AddMinutes(10)).Value);
        Assert.Equal(2000, after.Single(p => p.Time == start.AddMinutes(11)).Value);
    }
}
