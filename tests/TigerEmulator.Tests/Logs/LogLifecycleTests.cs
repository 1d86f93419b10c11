using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// The log tells the service's life: start-up lines right after READY, shutdown lines from PAUSING (and from the start
/// of a resize), nothing while the database is down.
public sealed class LogLifecycleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = ServiceStory.Step;

    [Fact]
    public async Task Logs_LineUpWithCreateStopStartAndResize()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var start = Emulator.Start.UtcDateTime;
        var id = await ServiceStory.CreateReadyAsync(factory, client);
        var ready = start + (2 * Step);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        var pausing = ready + TimeSpan.FromMinutes(10);
        await ServiceStory.ActAsync(factory, client, id, "stop");
        await factory.AdvanceAsync(TimeSpan.FromMinutes(30));
        var resumed = pausing + Step + TimeSpan.FromMinutes(30) + Step;
        await ServiceStory.ActAsync(factory, client, id, "start");
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        var configuring = resumed + TimeSpan.FromMinutes(10);
        await ServiceStory.ActAsync(factory, client, id, "resize", new { cpu_millis = "1000", memory_gbs = "4" });
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        var log = await LogsClient.WalkAsync(client, LogsClient.Path(factory.ProjectId, id), "");
        log.Reverse();

        Assert.Empty(Between(log, DateTime.MinValue, ready));
        Assert.Empty(Between(log, now.AddTicks(1), DateTime.MaxValue));
        var firstStart = AssertStartup(log, ready, "database system was shut down at");
        Assert.InRange(Between(log, firstStart, pausing).Count, 50, 70);
        var shutDown = AssertShutdown(log, pausing);
        Assert.Empty(Between(log, shutDown.AddTicks(1), resumed));
        var secondStart = AssertStartup(log, resumed, $"database system was shut down at {shutDown:yyyy-MM-dd HH:mm:ss} UTC");
        Assert.InRange(Between(log, secondStart, configuring).Count, 50, 70);
        var resizedDown = AssertShutdown(log, configuring);
        Assert.Empty(Between(log, resizedDown.AddTicks(1), configuring + Step));
        var thirdStart = AssertStartup(log, configuring + Step, $"database system was shut down at {resizedDown:yyyy-MM-dd HH:mm:ss} UTC");
        Assert.InRange(Between(log, thirdStart, now.AddTicks(1)).Count, 25, 35);
    }

    [Fact]
    public async Task Logs_BeforeTheFirstStart_AreEmptyWithoutCursor()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        await factory.AdvanceAsync(Step + TimeSpan.FromSeconds(1));

        var page = await LogsClient.PageAsync(client, LogsClient.Path(factory.ProjectId, id), "");

        Assert.Empty(page["logs"]!.AsArray());
        Assert.Empty(page["entries"]!.AsArray());
        Assert.Null(page["lastCursor"]);
    }

    [Fact]
    public async Task Logs_EndWhenDeletingBegins_ThenTheServiceIsGone()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        var deleting = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"{Api.Project(factory.ProjectId)}/services/{id}")).StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));

        var log = await LogsClient.WalkAsync(client, LogsClient.Path(factory.ProjectId, id), "");
        Assert.InRange(log.Count, 30, 45);
        Assert.All(log, entry => Assert.True(entry.Timestamp < deleting, $"{entry.Text} is not before DELETING at {deleting:O}"));

        await factory.AdvanceAsync(Step);
        var gone = await client.GetAsync(LogsClient.Path(factory.ProjectId, id));
        await gone.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", id);
    }

    /// The start-up script, first line within 40 ms of READY, the whole script within a second; returns its end.
    private static DateTime AssertStartup(List<WalkedEntry> log, DateTime ready, string previousShutdown)
    {
        var lines = Between(log, ready, ready.AddSeconds(1));
        Assert.InRange(lines[0].Timestamp, ready, ready.AddMilliseconds(40));
        Assert.StartsWith("starting PostgreSQL 17", lines[0].Message);
        Assert.Contains(lines, l => l.Message == "database system is ready to accept connections");
        Assert.Contains(lines, l => l.Message.StartsWith(previousShutdown, StringComparison.Ordinal));
        var last = lines.FindIndex(l => l.Message == "TimescaleDB background worker launcher connected to shared catalogs");
        Assert.True(last > 0, "the start-up script ends with TimescaleDB's launcher");
        Assert.All(lines[..(last + 1)], l => Assert.Equal("LOG", l.Severity));
        return lines[last].Timestamp.AddTicks(1);
    }

    /// The fast-shutdown script, from the status change that asked for it to "shut down" within a second; returns its end.
    private static DateTime AssertShutdown(List<WalkedEntry> log, DateTime at)
    {
        var lines = Between(log, at, at + Step);
        Assert.InRange(lines[0].Timestamp, at, at.AddMilliseconds(40));
        Assert.Equal("received fast shutdown request", lines[0].Message);
        Assert.Contains(lines, l => l.Message.StartsWith("checkpoint complete: wrote", StringComparison.Ordinal));
        Assert.Equal("database system is shut down", lines[^1].Message);
        Assert.True(lines[^1].Timestamp < at.AddSeconds(1));
        return lines[^1].Timestamp;
    }

    private static List<WalkedEntry> Between(List<WalkedEntry> oldestFirst, DateTime from, DateTime before) =>
        oldestFirst.Where(e => e.Timestamp >= from && e.Timestamp < before).ToList();
}
