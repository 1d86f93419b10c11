using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;
using static TigerEmulator.Tests.Metrics.MetricsClient;

namespace TigerEmulator.Tests.Metrics;

/// The series follow the service's life on the emulated clock: nothing before it first runs, nothing while it is
/// paused or in the future, sizes as they were at the time, storage that never shrinks.
public sealed class MetricsLifeTests(ITestOutputHelper output)
{
    private static readonly DateTime Start = Emulator.Start.UtcDateTime;

    [Fact]
    public async Task Series_HaveGapBuckets_BeforeCreation_WhilePaused_AndAfterNow()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client); // READY at 09:00:04
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        await ServiceStory.ActAsync(factory, client, id, "stop"); // PAUSING at 09:10:04
        await factory.AdvanceAsync(TimeSpan.FromMinutes(30));
        await ServiceStory.ActAsync(factory, client, id, "start"); // READY again at 09:40:08
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10)); // now 09:50:10

        var points = Points(await SeriesAsync(client, SeriesPath(factory.ProjectId, id), Body(CpuUsage, Start.AddMinutes(-10), Start.AddMinutes(60), 60)));

        Assert.Equal(Enumerable.Range(-10, 70).Select(minute => Start.AddMinutes(minute)), points.Select(p => p.Time));
        var scraped = points.Where(p => p.Value is not null).Select(p => (int)(p.Time - Start).TotalMinutes);
        Assert.Equal([.. Enumerable.Range(1, 10), .. Enumerable.Range(41, 10)], scraped);
    }

    [Fact]
    public async Task CpuAndMemory_StayWithinTheSizeOfTheTime_AcrossAResize()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client); // 500 millicores, 2 GiB
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        await ServiceStory.ActAsync(factory, client, id, "resize", new { cpu_millis = "1000", memory_gbs = "4" }); // 09:10:04 to 09:10:06
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        var path = SeriesPath(factory.ProjectId, id);
        var (from, to) = (Start, Start.AddMinutes(21));

        var cpuTotal = Points(await SeriesAsync(client, path, Body(CpuTotal, from, to, 60)));
        var cpuUsage = Points(await SeriesAsync(client, path, Body(CpuUsage, from, to, 60)));
        var memoryTotal = Points(await SeriesAsync(client, path, Body(MemoryTotal, from, to, 60)));
        var memoryUsage = Points(await SeriesAsync(client, path, Body(MemoryUsage, from, to, 60)));

        const double GiB = 1 << 30;
        double? Expected(DateTime time, double before, double after) => time == Start ? null : time <= Start.AddMinutes(10) ? before : after;
        Assert.Equal(cpuTotal.Select(p => Expected(p.Time, 500, 1000)), cpuTotal.Select(p => p.Value));
        Assert.Equal(memoryTotal.Select(p => Expected(p.Time, 2 * GiB, 4 * GiB)), memoryTotal.Select(p => p.Value));
        Assert.All(cpuUsage.Zip(cpuTotal), pair => Assert.InRange(pair.First.Value ?? 0, pair.Second.Value is null ? 0 : 1, pair.Second.Value ?? 0));
        Assert.All(memoryUsage.Zip(memoryTotal), pair => Assert.InRange(pair.First.Value ?? 0, pair.Second.Value is null ? 0 : 1, pair.Second.Value ?? 0));
        Assert.Contains(cpuUsage, p => p.Value > 500);
    }

    [Fact]
    public async Task SharedService_ReportsAQuarterCpuAndOneGibibyte()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var created = await client.CreateServiceAsync(factory.ProjectId, new { name = "shared-db", cpu_millis = "shared", memory_gbs = "shared" });
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        var path = SeriesPath(factory.ProjectId, (string)created["service_id"]!);

        var cpu = Points(await SeriesAsync(client, path, Body(CpuTotal, Start.AddMinutes(1), Start.AddMinutes(5))));
        var memory = Points(await SeriesAsync(client, path, Body(MemoryTotal, Start.AddMinutes(1), Start.AddMinutes(5))));
        var usage = Points(await SeriesAsync(client, path, Body(CpuUsage, Start.AddMinutes(1), Start.AddMinutes(5))));

        Assert.Equal([250.0, 250, 250, 250], cpu.Select(p => p.Value));
        Assert.Equal([1.0 * (1 << 30), 1 << 30, 1 << 30, 1 << 30], memory.Select(p => p.Value));
        Assert.All(usage, p => Assert.InRange(p.Value!.Value, 1, 250));
    }

    [Fact]
    public async Task Storage_GrowsWhileRunning_AndNeverShrinks()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.LiveAsync(factory, client, TimeSpan.FromHours(2)); // run, pause, run, resize, run

        var series = await SeriesAsync(client, SeriesPath(factory.ProjectId, id), Body(DiskUsage, Start, Start.AddHours(9), 600, null, ("role", "primary")));

        var values = Points(series).Select(p => p.Value).OfType<double>().ToList();
        Assert.InRange(values.Count, 30, 40);
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.First <= pair.Second, $"{pair.First} then {pair.Second}"));
        Assert.True(values[^1] - values[0] > 6 * 3600 * 2048 * 0.9, $"grew only from {values[0]} to {values[^1]}");
    }

    [Fact]
    public async Task SameRequest_GivesTheSameAnswer_EvenAfterTheClockMoves()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.LiveAsync(factory, client, TimeSpan.FromMinutes(20));
        var path = SeriesPath(factory.ProjectId, id);
        var body = Body(CpuUsage, Start, Start.AddMinutes(80), 60);

        var first = (await SeriesAsync(client, path, body)).ToJsonString();
        var again = (await SeriesAsync(client, path, body)).ToJsonString();
        await factory.AdvanceAsync(TimeSpan.FromHours(1));
        var later = (await SeriesAsync(client, path, body)).ToJsonString();

        Assert.Equal(first, again);
        Assert.Equal(first, later);
    }
}
